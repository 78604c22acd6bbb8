#pragma once

#include "Store.h"

class QWidget;

namespace daybreak {

// Opens a store from the GUI. When a PostgreSQL server wants a password that neither PGPASSWORD
// nor ~/.pgpass supplied, asks for it (up to three times); the password stays in memory with the
// open connection and is never written to settings. Throws StoreError like openStore().
std::unique_ptr<Store> openStoreInteractively(QWidget *parent, const QString &url, OpenMode mode,
                                              bool readOnly);

} // namespace daybreak
