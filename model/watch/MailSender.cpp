#include "MailSender.h"

#include <QDateTime>
#include <QRegularExpression>

#include <curl/curl.h>

#include <cstring>
#include <mutex>

namespace daybreak {

namespace {

struct Upload
{
    QByteArray data;
    qsizetype sent = 0;
};

size_t readPayload(char *buffer, size_t size, size_t count, void *user)
{
    auto *upload = static_cast<Upload *>(user);
    const size_t room = size * count;
    const size_t left = size_t(upload->data.size() - upload->sent);
    const size_t n = std::min(room, left);
    std::memcpy(buffer, upload->data.constData() + upload->sent, n);
    upload->sent += qsizetype(n);
    return n;
}

// A header value on one line: an alert's text never adds a header of its own.
QByteArray headerValue(const QString &text)
{
    QString line = text;
    line.replace(QRegularExpression(QStringLiteral("[\\r\\n\\t]+")), QStringLiteral(" "));
    return line.left(900).toUtf8();
}

} // namespace

QString sendMail(const QString &smtp, bool starttls, const QString &from, const QString &to,
                 const QString &subject, const QString &body, const QByteArray &messageId,
                 const QDateTime &at)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    CURL *curl = curl_easy_init();
    if (!curl)
        return QStringLiteral("libcurl could not start");
    Upload upload;
    upload.data = "Date: " + at.toUTC().toString(Qt::RFC2822Date).toUtf8() + "\r\nTo: <" +
                  headerValue(to) + ">\r\nFrom: <" + headerValue(from) + ">\r\nMessage-ID: <" +
                  messageId + ">\r\nSubject: " + headerValue(subject) +
                  "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
    QByteArray text = body.toUtf8();
    text.replace("\r\n", "\n");
    text.replace("\n", "\r\n");
    upload.data += text + "\r\n";
    const QByteArray url = "smtp://" + smtp.toUtf8();
    const QByteArray mailFrom = "<" + headerValue(from) + ">";
    const QByteArray rcpt = "<" + headerValue(to) + ">";
    curl_slist *recipients = curl_slist_append(nullptr, rcpt.constData());
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readPayload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    if (starttls)
        curl_easy_setopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
    const CURLcode result = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (result == CURLE_OK)
        return {};
    return QStringLiteral("SMTP to %1: %2")
        .arg(smtp, QString::fromUtf8(error[0] ? error : curl_easy_strerror(result)));
}

} // namespace daybreak
