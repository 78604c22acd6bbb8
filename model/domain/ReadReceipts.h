#pragma once

#include "StoreTypes.h"

#include <QList>
#include <QString>

namespace daybreak {

// After a flip: which readers (those that asked in the last day) have seen the pointer's current
// version, and which still act on an older one. A change is complete on the ground only when
// none is behind.
struct ReaderSummary
{
    QList<ReadReceipt> seen;   // on the current version
    QList<ReadReceipt> behind; // on an older one
    bool complete() const { return behind.isEmpty(); }
    // "2 of 3 readers have seen version 5; still on an older one: k8s@10.0.0.3 (version 4)"
    QString text(qint64 currentVersion) const;
};

ReaderSummary summarizeReaders(const QList<ReadReceipt> &receipts, qint64 currentVersion);
QString readerName(const ReadReceipt &receipt); // caller@host

} // namespace daybreak
