#include "LastKnownRouting.h"

#include "PgConnection.h"
#include "SqlStore.h"
#include "Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

namespace daybreak {

namespace {
const QString kFormat = QStringLiteral("daybreak-last-known-routing/1");

QString ageText(qint64 seconds)
{
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 7200)
        return QStringLiteral("%1 min").arg(seconds / 60);
    return QStringLiteral("%1 h").arg(seconds / 3600);
}
} // namespace

QString LastKnownRouting::storeKeyOf(const QString &url)
{
    if (isPostgresUrl(url)) {
        try {
            return PgTarget::parse(url).displayUrl();
        } catch (const StoreError &) {
            return url; // opening it says what is wrong; the key only has to be stable
        }
    }
    QString path = url;
    if (url.startsWith(QLatin1String("sqlite://")))
        path = QUrl(url).path();
    return QStringLiteral("sqlite://") + QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString LastKnownRouting::pathFor(const QString &storeKey)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                           QStringLiteral("/daybreak/routing");
    const QByteArray hash =
        QCryptographicHash::hash(storeKey.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return folder + QLatin1Char('/') + QString::fromLatin1(hash) + QStringLiteral(".json");
}

LastKnownRouting LastKnownRouting::of(const RoutingTable &table, const QString &storeKey,
                                      const QDateTime &readAt)
{
    return LastKnownRouting{storeKey,      table.storeId,  readAt.toUTC(),
                            table.feedSeq, table.pointers, table.midChange};
}

QByteArray LastKnownRouting::toJson() const
{
    QJsonObject pipelines;
    for (auto it = pointers.cbegin(); it != pointers.cend(); ++it) {
        QJsonObject p{{QStringLiteral("side"), sideName(it->canonical())},
                      {QStringLiteral("state"), stateName(it->state)},
                      {QStringLiteral("version"), it->version}};
        if (midChange.contains(it.key()))
            p.insert(QStringLiteral("mid_change"), true);
        pipelines.insert(it.key(), p);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), kFormat},
                                     {QStringLiteral("store"), storeKey},
                                     {QStringLiteral("store_id"), storeId},
                                     {QStringLiteral("read_at"), isoUtc(readAt)},
                                     {QStringLiteral("feed_seq"), feedSeq},
                                     {QStringLiteral("pipelines"), pipelines}})
        .toJson(QJsonDocument::Compact);
}

std::optional<LastKnownRouting> LastKnownRouting::fromJson(const QByteArray &json,
                                                           const QString &path, QString *why)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = QStringLiteral("%1: not a last-known routing file (%2 at byte %3)")
                   .arg(path, error.errorString())
                   .arg(error.offset);
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    const auto bad = [&](const QString &field) {
        *why = QStringLiteral("%1: field '%2' is missing or wrong").arg(path, field);
        return std::nullopt;
    };
    if (o.value(QStringLiteral("format")).toString() != kFormat)
        return bad(QStringLiteral("format"));
    LastKnownRouting r;
    r.storeKey = o.value(QStringLiteral("store")).toString();
    r.storeId = o.value(QStringLiteral("store_id")).toString();
    r.readAt = fromIsoUtc(o.value(QStringLiteral("read_at")).toString());
    r.feedSeq = o.value(QStringLiteral("feed_seq")).toInteger(-1);
    if (r.storeKey.isEmpty())
        return bad(QStringLiteral("store"));
    if (!r.readAt.isValid())
        return bad(QStringLiteral("read_at"));
    if (r.feedSeq < 0)
        return bad(QStringLiteral("feed_seq"));
    const QJsonObject pipelines = o.value(QStringLiteral("pipelines")).toObject();
    for (auto it = pipelines.constBegin(); it != pipelines.constEnd(); ++it) {
        const QJsonObject p = it->toObject();
        const std::optional<State> state =
            stateFromName(p.value(QStringLiteral("state")).toString());
        const qint64 version = p.value(QStringLiteral("version")).toInteger(-1);
        if (!state || version < 0)
            return bad(QStringLiteral("pipelines.%1").arg(it.key()));
        r.pointers.insert(it.key(), RoutingPointer{it.key(), *state, version, {}});
        if (p.value(QStringLiteral("mid_change")).toBool())
            r.midChange.insert(it.key());
    }
    return r;
}

std::optional<LastKnownRouting> LastKnownRouting::load(const QString &path, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = file.exists()
                   ? QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString())
                   : QStringLiteral("this host has no last-known routing of the store "
                                    "(%1 does not exist)")
                         .arg(path);
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, why);
}

bool LastKnownRouting::save(const QString &path, QString *why) const
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *why = QStringLiteral("%1: cannot make its folder").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *why = QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    file.write(toJson());
    if (!file.commit()) {
        *why = QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
        return false;
    }
    // The stamp goes after the file: it never claims more than the file holds (a stamp left
    // behind by a crash names an older feed position, which makes the next read write again).
    QSaveFile stamp(stampPath(path));
    if (stamp.open(QIODevice::WriteOnly)) {
        stamp.write(QJsonDocument(QJsonObject{{QStringLiteral("store"), storeKey},
                                              {QStringLiteral("store_id"), storeId},
                                              {QStringLiteral("read_at"), isoUtc(readAt)},
                                              {QStringLiteral("feed_seq"), feedSeq}})
                        .toJson(QJsonDocument::Compact));
        stamp.commit();
    }
    return true;
}

QString LastKnownRouting::stampPath(const QString &path)
{
    return path + QStringLiteral(".stamp");
}

LastKnownRouting::Answer LastKnownRouting::answer(const QString &pipeline, const QString &forStore,
                                                  const QDateTime &now,
                                                  std::chrono::seconds maxAge) const
{
    Answer a;
    const QString read = isoUtc(readAt);
    if (storeKey != forStore) {
        a.refusal = QStringLiteral("the last-known routing file belongs to another store (%1)")
                        .arg(storeKey);
        return a;
    }
    const qint64 age = readAt.secsTo(now);
    if (age > maxAge.count()) {
        a.refusal = QStringLiteral("the last-known routing of %1 is %2 old, older than the %3 "
                                   "allowed (--max-age)")
                        .arg(read, ageText(age), ageText(maxAge.count()));
        return a;
    }
    if (age < -kRewriteAfter.count()) {
        a.refusal = QStringLiteral("the last-known routing of %1 was read after now (%2): this "
                                   "host's clock went back")
                        .arg(read, isoUtc(now));
        return a;
    }
    const auto it = pointers.constFind(pipeline);
    if (it == pointers.cend()) {
        a.refusal = QStringLiteral("the last-known routing of %1 does not know pipeline '%2'")
                        .arg(read, pipeline);
        return a;
    }
    if (midChange.contains(pipeline)) {
        a.refusal = QStringLiteral("%1 was mid-change in the last-known routing of %2 (a change "
                                   "request was pending): its side may have moved since")
                        .arg(pipeline, read);
        return a;
    }
    a.pointer = *it;
    return a;
}

LastKnownRouting LastKnownRouting::remember(Store &store, const QString &storeKey,
                                            const QDateTime &now, QString *problem,
                                            const LastKnownRouting *inMemory)
{
    const QString path = pathFor(storeKey);
    QString why;
    std::optional<LastKnownRouting> kept =
        inMemory ? std::optional<LastKnownRouting>(*inMemory) : load(path, &why);
    if (kept && kept->storeKey == storeKey && kept->storeId == store.storeId() &&
        std::abs(kept->readAt.secsTo(now)) < kRewriteAfter.count() &&
        !store.routingChangedSince(kept->feedSeq)) {
        if (!inMemory)
            kept->readAt = now.toUTC(); // what this read saw, though the file need not say so
        return *kept;
    }
    const LastKnownRouting fresh = of(store.routingTable(now), storeKey, now);
    if (!fresh.save(path, &why))
        *problem = why;
    return fresh;
}

void LastKnownRouting::keep(Store &store, const QString &storeKey, const QDateTime &now,
                            QString *problem)
{
    QFile stamp(stampPath(pathFor(storeKey)));
    if (stamp.open(QIODevice::ReadOnly) && stamp.size() < 4096) {
        const QJsonObject o = QJsonDocument::fromJson(stamp.readAll()).object();
        const QDateTime readAt = fromIsoUtc(o.value(QStringLiteral("read_at")).toString());
        const QJsonValue seq = o.value(QStringLiteral("feed_seq"));
        if (o.value(QStringLiteral("store")).toString() == storeKey &&
            o.value(QStringLiteral("store_id")).toString() == store.storeId() && readAt.isValid() &&
            std::abs(readAt.secsTo(now)) < kRewriteAfter.count() && seq.isDouble() &&
            QFileInfo::exists(pathFor(storeKey)) && !store.routingChangedSince(seq.toInteger()))
            return;
    }
    remember(store, storeKey, now, problem);
}

std::optional<std::chrono::seconds> parseDuration(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{1,9})([smh]?)$"));
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 seconds = unit == QLatin1String("h")   ? n * 3600
                           : unit == QLatin1String("m") ? n * 60
                                                        : n;
    if (seconds <= 0)
        return std::nullopt;
    return std::chrono::seconds(seconds);
}

} // namespace daybreak
