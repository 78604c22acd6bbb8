#include "LastKnownRouting.h"

#include "PgConnection.h"
#include "SqlStore.h"
#include "Store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <QUrl>
#include <algorithm>

namespace daybreak {

namespace {
const QString kFormat = QStringLiteral("daybreak-last-known-routing/2");

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

namespace {

QJsonObject headerOf(const LastKnownRouting &r)
{
    return QJsonObject{{QStringLiteral("format"), kFormat},
                       {QStringLiteral("store"), r.storeKey},
                       {QStringLiteral("store_id"), r.storeId},
                       {QStringLiteral("read_at"), isoUtc(r.readAt)},
                       {QStringLiteral("feed_seq"), r.feedSeq},
                       {QStringLiteral("pipelines"), qint64(r.pointers.size())}};
}

// One line of the file as a JSON object; `what` names it in the refusal ("line 3", "byte 812").
std::optional<QJsonObject> lineObject(QByteArrayView line, const QString &path, const QString &what,
                                      QString *why)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *why = QStringLiteral("%1: %2: not a last-known routing line (%3)")
                   .arg(path, what,
                        error.error != QJsonParseError::NoError ? error.errorString()
                                                                : QStringLiteral("not an object"));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<LastKnownRouting::Header> headerFrom(QByteArrayView line, const QString &path,
                                                   QString *why)
{
    const std::optional<QJsonObject> o = lineObject(line, path, QStringLiteral("line 1"), why);
    if (!o)
        return std::nullopt;
    const auto bad = [&](const QString &field) {
        *why = QStringLiteral("%1: line 1: field '%2' is missing or wrong").arg(path, field);
        return std::nullopt;
    };
    if (o->value(QStringLiteral("format")).toString() != kFormat)
        return bad(QStringLiteral("format"));
    LastKnownRouting::Header h;
    h.storeKey = o->value(QStringLiteral("store")).toString();
    h.storeId = o->value(QStringLiteral("store_id")).toString();
    h.readAt = fromIsoUtc(o->value(QStringLiteral("read_at")).toString());
    h.feedSeq = o->value(QStringLiteral("feed_seq")).toInteger(-1);
    h.pipelines = o->value(QStringLiteral("pipelines")).toInteger(-1);
    if (h.storeKey.isEmpty())
        return bad(QStringLiteral("store"));
    if (!h.readAt.isValid())
        return bad(QStringLiteral("read_at"));
    if (h.feedSeq < 0)
        return bad(QStringLiteral("feed_seq"));
    if (h.pipelines < 0)
        return bad(QStringLiteral("pipelines"));
    return h;
}

struct PipelineLine
{
    QString id;
    RoutingPointer pointer;
    bool midChange = false;
};

std::optional<PipelineLine> pipelineFrom(const QJsonObject &o, const QString &path,
                                         const QString &what, QString *why)
{
    PipelineLine p;
    p.id = o.value(QStringLiteral("id")).toString();
    const std::optional<State> state = stateFromName(o.value(QStringLiteral("state")).toString());
    const qint64 version = o.value(QStringLiteral("version")).toInteger(-1);
    if (p.id.isEmpty() || !state || version < 0) {
        *why = QStringLiteral("%1: %2: field '%3' is missing or wrong")
                   .arg(path, what,
                        p.id.isEmpty() ? QStringLiteral("id")
                        : !state       ? QStringLiteral("state")
                                       : QStringLiteral("version"));
        return std::nullopt;
    }
    p.pointer = RoutingPointer{p.id, *state, version, {}};
    p.midChange = o.value(QStringLiteral("mid_change")).toBool();
    return p;
}

// The whole file must be there: a header and exactly as many lines as it counts, each ended.
bool wholeFile(QByteArrayView bytes, const LastKnownRouting::Header &h, const QString &path,
               QString *why)
{
    if (bytes.isEmpty() || bytes.back() != '\n' || bytes.count('\n') != h.pipelines + 1) {
        *why = QStringLiteral("%1: not whole (its first line counts %2 pipelines)")
                   .arg(path)
                   .arg(h.pipelines);
        return false;
    }
    return true;
}

QString missingFile(const QFile &file, const QString &path)
{
    return file.exists() ? QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString())
                         : QStringLiteral("this host has no last-known routing of the store "
                                          "(%1 does not exist)")
                               .arg(path);
}

} // namespace

QByteArray LastKnownRouting::toJson() const
{
    // Sorted by the ids' UTF-8 bytes, so that lookup() can find one by bisection.
    QList<QByteArray> ids;
    ids.reserve(pointers.size());
    for (auto it = pointers.cbegin(); it != pointers.cend(); ++it)
        ids.append(it.key().toUtf8());
    std::sort(ids.begin(), ids.end());
    QByteArray text = QJsonDocument(headerOf(*this)).toJson(QJsonDocument::Compact) + '\n';
    text.reserve(text.size() + ids.size() * 80);
    for (const QByteArray &utf8 : ids) {
        const QString id = QString::fromUtf8(utf8);
        const RoutingPointer &p = pointers[id];
        QJsonObject line{{QStringLiteral("id"), id},
                         {QStringLiteral("side"), sideName(p.canonical())},
                         {QStringLiteral("state"), stateName(p.state)},
                         {QStringLiteral("version"), p.version}};
        if (midChange.contains(id))
            line.insert(QStringLiteral("mid_change"), true);
        // Compact JSON never holds a raw newline (strings escape it): one line per pipeline.
        text += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    return text;
}

std::optional<LastKnownRouting> LastKnownRouting::fromJson(const QByteArray &json,
                                                           const QString &path, QString *why)
{
    const qsizetype firstEnd = json.indexOf('\n');
    const std::optional<Header> h =
        headerFrom(QByteArrayView(json).first(firstEnd < 0 ? json.size() : firstEnd), path, why);
    if (!h || !wholeFile(json, *h, path, why))
        return std::nullopt;
    LastKnownRouting r;
    r.storeKey = h->storeKey;
    r.storeId = h->storeId;
    r.readAt = h->readAt;
    r.feedSeq = h->feedSeq;
    r.pointers.reserve(h->pipelines);
    qsizetype at = firstEnd + 1;
    for (qint64 number = 2; at < json.size(); ++number) {
        const qsizetype end = json.indexOf('\n', at);
        const QString what = QStringLiteral("line %1").arg(number);
        const std::optional<QJsonObject> o =
            lineObject(QByteArrayView(json).sliced(at, end - at), path, what, why);
        if (!o)
            return std::nullopt;
        const std::optional<PipelineLine> p = pipelineFrom(*o, path, what, why);
        if (!p)
            return std::nullopt;
        if (r.pointers.contains(p->id)) {
            *why = QStringLiteral("%1: %2: pipeline '%3' twice").arg(path, what, p->id);
            return std::nullopt;
        }
        r.pointers.insert(p->id, p->pointer);
        if (p->midChange)
            r.midChange.insert(p->id);
        at = end + 1;
    }
    return r;
}

std::optional<LastKnownRouting> LastKnownRouting::load(const QString &path, QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = missingFile(file, path);
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, why);
}

std::optional<LastKnownRouting::Header> LastKnownRouting::readHeader(const QString &path,
                                                                     QString *why)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = missingFile(file, path);
        return std::nullopt;
    }
    const QByteArray line = file.readLine(64 * 1024);
    return headerFrom(QByteArrayView(line).chopped(line.endsWith('\n') ? 1 : 0), path, why);
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
    QFile::remove(path + QStringLiteral(".stamp")); // format 1 kept its header beside the file
    return true;
}

LastKnownRouting::Answer LastKnownRouting::lookup(const QString &path, const QString &pipeline,
                                                  const QString &forStore, const QDateTime &now,
                                                  std::chrono::seconds maxAge)
{
    Answer a;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        a.refusal = missingFile(file, path);
        return a;
    }
    const qint64 size = file.size();
    const uchar *mapped = size > 0 ? file.map(0, size) : nullptr;
    if (!mapped) {
        a.refusal = QStringLiteral("%1: cannot be read: %2")
                        .arg(path, size > 0 ? file.errorString() : QStringLiteral("empty"));
        return a;
    }
    const QByteArrayView bytes(reinterpret_cast<const char *>(mapped), size);
    const qsizetype firstEnd = bytes.indexOf('\n');
    const std::optional<Header> h =
        headerFrom(bytes.first(firstEnd < 0 ? size : firstEnd), path, &a.refusal);
    if (!h || !wholeFile(bytes, *h, path, &a.refusal))
        return a;
    LastKnownRouting found;
    found.storeKey = h->storeKey;
    found.readAt = h->readAt;
    const QByteArray wanted = pipeline.toUtf8();
    // Bisection over whole lines [lo, hi): each step parses the one line around the middle.
    qsizetype lo = firstEnd + 1, hi = size;
    while (lo < hi) {
        const qsizetype middle = lo + (hi - lo) / 2;
        const qsizetype start = std::max(lo, bytes.first(middle).lastIndexOf('\n') + 1);
        const qsizetype end = bytes.indexOf('\n', start);
        const QString what = QStringLiteral("byte %1").arg(start);
        const std::optional<QJsonObject> o =
            lineObject(bytes.sliced(start, end - start), path, what, &a.refusal);
        if (!o)
            return a;
        const std::optional<PipelineLine> p = pipelineFrom(*o, path, what, &a.refusal);
        if (!p)
            return a;
        const QByteArray id = p->id.toUtf8();
        if (id == wanted) {
            found.pointers.insert(p->id, p->pointer);
            if (p->midChange)
                found.midChange.insert(p->id);
            break;
        }
        if (id < wanted)
            lo = end + 1;
        else
            hi = start;
    }
    a = found.answer(pipeline, forStore, now, maxAge);
    a.readAt = h->readAt;
    return a;
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
    QString why;
    const std::optional<Header> h = readHeader(pathFor(storeKey), &why);
    if (h && h->storeKey == storeKey && h->storeId == store.storeId() &&
        std::abs(h->readAt.secsTo(now)) < kRewriteAfter.count() &&
        !store.routingChangedSince(h->feedSeq))
        return;
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
