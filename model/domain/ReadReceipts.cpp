#include "ReadReceipts.h"

#include <QStringList>

namespace daybreak {

QString readerName(const ReadReceipt &receipt)
{
    return receipt.caller + QLatin1Char('@') + receipt.host;
}

ReaderSummary summarizeReaders(const QList<ReadReceipt> &receipts, qint64 currentVersion)
{
    ReaderSummary s;
    for (const ReadReceipt &r : receipts)
        (r.version >= currentVersion ? s.seen : s.behind).append(r);
    return s;
}

QString ReaderSummary::text(qint64 currentVersion) const
{
    const qsizetype all = seen.size() + behind.size();
    if (all == 0)
        return QStringLiteral("no reader asked in the last 24 h");
    QStringList seenNames;
    for (const ReadReceipt &r : seen)
        seenNames << readerName(r);
    QString text = QStringLiteral("%1 of %2 %3 that asked in the last 24 h %4 seen version %5")
                       .arg(seen.size())
                       .arg(all)
                       .arg(all == 1 ? QStringLiteral("reader") : QStringLiteral("readers"))
                       .arg(seen.size() == 1 ? QStringLiteral("has") : QStringLiteral("have"))
                       .arg(currentVersion);
    if (!seenNames.isEmpty())
        text += QStringLiteral(" (%1)").arg(seenNames.join(QStringLiteral(", ")));
    if (!behind.isEmpty()) {
        QStringList names;
        for (const ReadReceipt &r : behind)
            names << QStringLiteral("%1 on version %2").arg(readerName(r)).arg(r.version);
        text +=
            QStringLiteral("; still acting on an older one: ") + names.join(QStringLiteral(", "));
    }
    return text;
}

} // namespace daybreak
