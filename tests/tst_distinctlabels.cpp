// The graph's labels: the group's prefix dropped inside it, elided in the middle, and no two
// alike however many pipelines share a head or a tail.
#include "DistinctLabels.h"

#include <QSet>
#include <QTest>

using namespace daybreak;

namespace {

// A box that holds `n` characters.
std::function<bool(const QString &)> chars(int n)
{
    return [n](const QString &text) { return text.size() <= n; };
}

QStringList values(const QHash<QString, QString> &labels)
{
    QStringList out = labels.values();
    out.sort();
    return out;
}

} // namespace

class TestDistinctLabels : public QObject
{
    Q_OBJECT

private slots:
    void theGroupsPrefixIsDropped()
    {
        QCOMPARE(DistinctLabels::withoutGroupPrefix(QStringLiteral("bqetl_search.search_daily"),
                                                    QStringLiteral("bqetl_search")),
                 QStringLiteral("search_daily"));
        // A dbt folder group says its last folder.
        QCOMPARE(DistinctLabels::withoutGroupPrefix(QStringLiteral("finance__revenue"),
                                                    QStringLiteral("shop:marts/finance")),
                 QStringLiteral("revenue"));
        // Not a prefix at a separator: kept whole.
        QCOMPARE(DistinctLabels::withoutGroupPrefix(QStringLiteral("financed_loans"),
                                                    QStringLiteral("shop:finance")),
                 QStringLiteral("financed_loans"));
        QCOMPARE(DistinctLabels::withoutGroupPrefix(QStringLiteral("orders"), QString()),
                 QStringLiteral("orders"));
    }

    void whatDoesNotFitIsElidedInTheMiddle()
    {
        const QString label =
            DistinctLabels::elideMiddle(QStringLiteral("web_clickstream_extract"), chars(14));
        QCOMPARE(label.size(), 14);
        QVERIFY(label.contains(QStringLiteral("…")));
        QVERIFY(label.startsWith(QStringLiteral("web_")));
        QVERIFY(label.endsWith(QStringLiteral("extract")));
        QCOMPARE(DistinctLabels::elideMiddle(QStringLiteral("short"), chars(14)),
                 QStringLiteral("short"));
    }

    void twoThatWouldReadTheSameShowWhatSeparatesThem()
    {
        const QList<DistinctLabels::Item> items{
            {QStringLiteral("spellbook_dex_trades_ethereum_daily"), {}},
            {QStringLiteral("spellbook_dex_trades_arbitrum_daily"), {}},
            {QStringLiteral("spellbook_nft_trades_ethereum_daily"), {}}};
        const QHash<QString, QString> labels = DistinctLabels::compute(items, chars(16));
        QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), 3);
        // The two that would read "spell…reum_daily" each show the part that differs.
        QVERIFY2(labels.value(items[0].id).contains(QStringLiteral("dex")),
                 qPrintable(labels.value(items[0].id)));
        QVERIFY2(labels.value(items[2].id).contains(QStringLiteral("nft")),
                 qPrintable(labels.value(items[2].id)));
        for (const QString &l : labels)
            QVERIFY2(l.size() <= 16, qPrintable(l));
    }

    void theSameTaskInTwoGroupsGetsItsGroupBack()
    {
        const QList<DistinctLabels::Item> items{
            {QStringLiteral("dag_a.load"), QStringLiteral("dag_a")},
            {QStringLiteral("dag_b.load"), QStringLiteral("dag_b")},
            {QStringLiteral("dag_b.check"), QStringLiteral("dag_b")}};
        const QHash<QString, QString> labels = DistinctLabels::compute(items, chars(30));
        QCOMPARE(labels.value(QStringLiteral("dag_a.load")), QStringLiteral("dag_a.load"));
        QCOMPARE(labels.value(QStringLiteral("dag_b.load")), QStringLiteral("dag_b.load"));
        QCOMPARE(labels.value(QStringLiteral("dag_b.check")), QStringLiteral("check"));
    }

    // Thousands of ids that share heads and tails, as the real platforms' do: every label is
    // distinct, and every one fits its box or is the whole id.
    void noTwoOfThousandsReadTheSame()
    {
        QList<DistinctLabels::Item> items;
        const QStringList chains{QStringLiteral("ethereum"), QStringLiteral("arbitrum"),
                                 QStringLiteral("optimism"), QStringLiteral("polygon")};
        const QStringList sectors{QStringLiteral("gas"), QStringLiteral("dex"),
                                  QStringLiteral("nft"), QStringLiteral("lending")};
        for (int i = 0; i < 150; ++i)
            for (const QString &chain : chains)
                for (const QString &sector : sectors)
                    items.append({QStringLiteral("%1_%2_protocol_%3_transactions_metadata")
                                      .arg(sector, chain)
                                      .arg(i),
                                  QStringLiteral("spellbook:%1").arg(sector)});
        const QHash<QString, QString> labels = DistinctLabels::compute(items, chars(18));
        QCOMPARE(labels.size(), items.size());
        QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), items.size());
        int whole = 0;
        for (const DistinctLabels::Item &item : items) {
            const QString l = labels.value(item.id);
            QVERIFY2(l.size() <= 18 || l == item.id, qPrintable(l));
            whole += l == item.id ? 1 : 0;
        }
        QCOMPARE(whole, 0);
        Q_UNUSED(values);
    }
};

QTEST_APPLESS_MAIN(TestDistinctLabels)
#include "tst_distinctlabels.moc"
