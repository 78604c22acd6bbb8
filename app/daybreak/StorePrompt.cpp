#include "StorePrompt.h"

#include <QInputDialog>
#include <QLineEdit>

namespace daybreak {

std::unique_ptr<Store> openStoreInteractively(QWidget *parent, const QString &url, OpenMode mode,
                                              bool readOnly)
{
    StoreOptions options;
    options.readOnly = readOnly;
    for (int attempt = 0;; ++attempt) {
        try {
            return openStore(url, mode, options);
        } catch (const PasswordRequired &e) {
            if (attempt == 3)
                throw;
            bool ok = false;
            const QString prompt =
                attempt == 0
                    ? QObject::tr("Password for %1:").arg(url.section(QLatin1Char('?'), 0, 0))
                    : QObject::tr("The server refused it:\n%1\n\nPassword:").arg(e.message());
            options.password = QInputDialog::getText(parent, QObject::tr("PostgreSQL password"),
                                                     prompt, QLineEdit::Password, QString(), &ok);
            if (!ok)
                throw StoreError(QObject::tr("no password given for %1")
                                     .arg(url.section(QLatin1Char('?'), 0, 0)));
        }
    }
}

} // namespace daybreak
