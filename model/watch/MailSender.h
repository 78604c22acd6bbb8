#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace daybreak {

// One plain-text mail through libcurl's SMTP (never spoken by hand): to `smtp` ("host:port"),
// STARTTLS required when `starttls`, at most 10 s to connect and 10 s in all. `messageId` lets a
// mail system drop a repeat; `at` is its Date (from the watch's clock). Returns the error, empty
// when the server accepted the mail.
QString sendMail(const QString &smtp, bool starttls, const QString &from, const QString &to,
                 const QString &subject, const QString &body, const QByteArray &messageId,
                 const QDateTime &at);

} // namespace daybreak
