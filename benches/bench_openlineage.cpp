// OpenLineage run events per second through the watch's listener (LineageListener, QtHttpServer
// on loopback) into the store at 10,000 pipelines: one event per POST, and batches of 50, on
// SQLite and on PostgreSQL (scripts/bench.sh passes DAYBREAK_BENCH_PG_URL and creates
// bench_lineage). The client is a QNetworkAccessManager in the same process.
#include "GeneratedPlatform.h"
#include "LineageListener.h"
#include "LineageService.h"
#include "ManualClock.h"
#include "Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTextStream>

using namespace daybreak;

namespace {
constexpr int kPipelines = 10000;
constexpr int kSingle = 1000;
constexpr int kBatches = 40;
constexpr int kBatchSize = 50;
const QByteArray kToken = "bench-token-0123456789abcdef";

QJsonObject event(const QString &job, int i, const QDateTime &base)
{
    return {{QStringLiteral("eventType"),
             i % 2 == 0 ? QStringLiteral("START") : QStringLiteral("COMPLETE")},
            {QStringLiteral("eventTime"), base.addSecs(i).toString(Qt::ISODate)},
            {QStringLiteral("run"),
             QJsonObject{{QStringLiteral("runId"), QStringLiteral("r%1").arg(i / 2)}}},
            {QStringLiteral("job"),
             QJsonObject{{QStringLiteral("namespace"), QStringLiteral("airflow")},
                         {QStringLiteral("name"), job}}},
            {QStringLiteral("producer"), QStringLiteral("bench")},
            {QStringLiteral("schemaURL"),
             QStringLiteral("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent")}};
}

// Posts every body in turn, waiting for each answer; returns the seconds it took, or -1.
double post(QNetworkAccessManager &http, quint16 port, const QList<QByteArray> &bodies)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/lineage").arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + kToken);
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray &body : bodies) {
        QNetworkReply *reply = http.post(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status != 200) {
            QTextStream(stderr) << "HTTP " << status << ": " << reply->readAll() << Qt::endl;
            return -1;
        }
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

void measure(QTextStream &out, const QString &backend, const QString &url)
{
    const Inventory inventory = GeneratedPlatform::inventory(kPipelines);
    ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(0, 30), Qt::UTC));
    std::unique_ptr<Store> store = openStore(url, OpenMode::CreateIfMissing);
    AuditEntry audit;
    audit.at = clock.now();
    audit.actor = QStringLiteral("bench");
    audit.action = QStringLiteral("import");
    store->replaceInventory(inventory, audit);
    LineageService(*store, clock, QStringLiteral("bench"))
        .addMapping(QStringLiteral("airflow"), QStringLiteral("*"), {}, Side::OnPrem);
    QTextStream log(stderr);
    LineageListener listener(*store, clock, QStringLiteral("bench"),
                             {{kToken, std::nullopt, QStringLiteral("bench")}}, log);
    const quint16 port = listener.listen(QHostAddress::LocalHost, 0);
    QNetworkAccessManager http;
    const QDateTime base = clock.now();
    QList<QByteArray> single;
    for (int i = 0; i < kSingle; ++i)
        single << QJsonDocument(event(inventory.pipelines().at(i % kPipelines).id, i, base))
                      .toJson(QJsonDocument::Compact);
    QList<QByteArray> batches;
    for (int b = 0; b < kBatches; ++b) {
        QJsonArray batch;
        for (int k = 0; k < kBatchSize; ++k) {
            const int i = kSingle + b * kBatchSize + k;
            batch.append(event(inventory.pipelines().at(i % kPipelines).id, i, base));
        }
        batches << QJsonDocument(batch).toJson(QJsonDocument::Compact);
    }
    const double singleSeconds = post(http, port, single);
    const double batchSeconds = post(http, port, batches);
    if (singleSeconds < 0 || batchSeconds < 0)
        return;
    out << QStringLiteral("| %1 | %2 | %3 | %4 |")
               .arg(backend, -10)
               .arg(kPipelines)
               .arg(kSingle / singleSeconds, 0, 'f', 0)
               .arg(kBatches * kBatchSize / batchSeconds, 0, 'f', 0)
        << Qt::endl;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    out << "OpenLineage events per second through the listener (" << kSingle << " single POSTs; "
        << kBatches << " batches of " << kBatchSize << ")\n"
        << "| store | pipelines | events/s, one per POST | events/s, batches of 50 |\n"
           "|---|---|---|---|"
        << Qt::endl;
    QTemporaryDir dir;
    measure(out, QStringLiteral("SQLite"), dir.filePath(QStringLiteral("lineage.sqlite")));
    const QString pgBase = qEnvironmentVariable("DAYBREAK_BENCH_PG_URL");
    if (!pgBase.isEmpty())
        measure(out, QStringLiteral("PostgreSQL"), pgBase + QStringLiteral("bench_lineage"));
    else
        out << "(PostgreSQL skipped: DAYBREAK_BENCH_PG_URL not set; scripts/bench.sh sets it)"
            << Qt::endl;
    return 0;
}
