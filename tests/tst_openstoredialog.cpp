#include "OpenStoreDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace daybreak;

class TestOpenStoreDialog : public QObject
{
    Q_OBJECT

private:
    static QPushButton *openButton(OpenStoreDialog &d)
    {
        return d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Open);
    }

private slots:
    void buildsTheUrlOfTheChosenKind()
    {
        OpenStoreDialog d;
        d.setSqlitePath(QStringLiteral("/srv/daybreak/team.sqlite"));
        d.setServerUrl(QStringLiteral("postgresql://ann@db:5432/daybreak?sslmode=require"));
        QCOMPARE(d.url(), QStringLiteral("/srv/daybreak/team.sqlite"));
        d.setKind(OpenStoreDialog::Kind::PostgresServer);
        QCOMPARE(d.url(), QStringLiteral("postgresql://ann@db:5432/daybreak?sslmode=require"));
        QVERIFY(!d.findChild<QLineEdit *>(QStringLiteral("sqlitePath"))->isEnabled());
        QVERIFY(openButton(d)->isEnabled());
        QVERIFY(!d.readOnly());
        d.findChild<QCheckBox *>()->setChecked(true);
        QVERIFY(d.readOnly());
    }

    void refusesWhatIsNotAServerUrl()
    {
        OpenStoreDialog d;
        d.setKind(OpenStoreDialog::Kind::PostgresServer);
        auto *url = d.findChild<QLineEdit *>(QStringLiteral("serverUrl"));
        url->clear();
        QTest::keyClicks(url, QStringLiteral("db.example.com/daybreak"));
        QVERIFY(!openButton(d)->isEnabled());
        url->clear();
        QTest::keyClicks(url, QStringLiteral("postgresql://ann@db.example.com/daybreak"));
        QVERIFY(openButton(d)->isEnabled());
        d.setKind(OpenStoreDialog::Kind::SqliteFile);
        d.setSqlitePath(QString());
        QVERIFY(!openButton(d)->isEnabled());
    }
};

QTEST_MAIN(TestOpenStoreDialog)
#include "tst_openstoredialog.moc"
