#pragma once

#include "Inventory.h"
#include "SqliteStore.h"

#include <QTemporaryDir>

#include <memory>

// Helpers to build small inventories and real SQLite stores in a temporary folder.
namespace TestStores {

Pipeline pipeline(const QString &id, const QStringList &upstreams = {}, Side target = Side::Cloud,
                  Risk risk = Risk::Medium);
// Berlin, default weekend window.
Inventory inventory(const QList<Pipeline> &pipelines);
std::unique_ptr<SqliteStore> sqlite(const QTemporaryDir &dir, const QString &name = QStringLiteral("store.sqlite"));
// Puts `pipeline` straight into `state` through the store (as the inventory's initial state would).
void seed(Store &store, const Inventory &inventory);
// `n` clean parity results ending on `lastDate`.
void recordCleanRuns(Store &store, const QString &pipeline, const QDate &lastDate, int n);

} // namespace TestStores
