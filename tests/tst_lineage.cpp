#include "CtlRun.h"
#include "LineageListener.h"
#include "LineageService.h"
#include "ManualClock.h"
#include "OpenLineage.h"
#include "RoutingBoard.h"
#include "SqlStore.h"
#include "TestStores.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace daybreak;
using namespace TestStores;

// OpenLineage in: events from fixtures written after the 2-0-2 spec, mapped to pipelines and
// sides, through the service, the CLI and the watch's listener over real HTTP on loopback, on
// both back ends; and /metrics out.
class TestLineage : public QObject
{
    Q_OBJECT

    TestBackend m_backend;
    ManualClock m_clock{QDateTime(QDate(2026, 11, 30), QTime(2, 0), QTimeZone("Europe/Berlin"))};
    QTemporaryDir m_dir;

    static QByteArray fixture(const QString &name)
    {
        QFile f(QStringLiteral(DAYBREAK_TEST_DATA "/openlineage/") + name);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", qPrintable(name));
        return f.readAll();
    }
    // extract_orders and stg_orders (it reads the first) and payroll_sync, mapped: the on-prem
    // Airflow by name, the cloud one onto stg_orders.
    std::unique_ptr<SqlStore> mappedStore(QString *url = nullptr)
    {
        const QString u = m_backend.freshUrl();
        if (url)
            *url = u;
        auto store = m_backend.open(u);
        Inventory inv =
            inventory({pipeline(QStringLiteral("extract_orders")),
                       pipeline(QStringLiteral("stg_orders"), {QStringLiteral("extract_orders")}),
                       pipeline(QStringLiteral("payroll_sync"))});
        inv.timezone = QStringLiteral("Europe/Berlin");
        seed(*store, inv);
        LineageService s(*store, m_clock, QStringLiteral("ops"));
        const auto ok = [](const Outcome &o) {
            if (!o.ok())
                qFatal("%s", qPrintable(o.describe()));
        };
        ok(s.addMapping(QStringLiteral("airflow-onprem"), QStringLiteral("hr.*"),
                        QStringLiteral("payroll_sync"), Side::OnPrem));
        ok(s.addMapping(QStringLiteral("airflow-onprem"), QStringLiteral("nightly_sales.*"), {},
                        Side::OnPrem));
        ok(s.addMapping(QStringLiteral("airflow-cloud"), QStringLiteral("nightly_sales.stg_*"),
                        QStringLiteral("stg_orders"), Side::Cloud));
        return store;
    }

private slots:
    void init() { QVERIFY2(m_backend.problem().isEmpty(), qPrintable(m_backend.problem())); }

    void eventsReadAsTheSpecSays()
    {
        const OpenLineage::Read batch =
            OpenLineage::parse(fixture(QStringLiteral("batch.json")), QStringLiteral("batch.json"));
        QVERIFY(batch.ok());
        QCOMPARE(batch.events.size(), 4);
        QCOMPARE(batch.ignored, 2); // OTHER, and a DatasetEvent (no run)
        QCOMPARE(batch.events.at(0).kind, RunEvent::Kind::Started);
        QCOMPARE(batch.events.at(1).kind, RunEvent::Kind::Started); // RUNNING
        QCOMPARE(batch.events.at(2).kind, RunEvent::Kind::Failed);  // ABORT
        QCOMPARE(batch.events.at(3).kind, RunEvent::Kind::Succeeded);
        const OpenLineage::Read start =
            OpenLineage::parse(fixture(QStringLiteral("start.json")), QStringLiteral("start.json"));
        QVERIFY(start.ok());
        QCOMPARE(start.events.first().at,
                 QDateTime(QDate(2026, 11, 30), QTime(0, 0, 0, 123), QTimeZone::utc()));
        QCOMPARE(start.events.first().job, QStringLiteral("nightly_sales.extract_orders"));
        // Every bad field is named, with its event.
        const OpenLineage::Read bad = OpenLineage::parse(
            fixture(QStringLiteral("invalid-fields.json")), QStringLiteral("f.json"));
        QVERIFY(!bad.ok());
        QStringList fields;
        for (const Problem &p : bad.problems)
            fields << p.field;
        QCOMPARE(fields, (QStringList{QStringLiteral("[1].eventType")}));
        QByteArray noTime = fixture(QStringLiteral("start.json"));
        noTime.replace("\"eventTime\"", "\"when\"");
        noTime.replace("0193a8b0-0000-7000-8000-000000000001", "");
        const OpenLineage::Read missing = OpenLineage::parse(noTime, QStringLiteral("s"));
        fields.clear();
        for (const Problem &p : missing.problems)
            fields << p.field;
        QCOMPARE(fields,
                 (QStringList{QStringLiteral("[0].run.runId"), QStringLiteral("[0].eventTime")}));
        const OpenLineage::Read broken =
            OpenLineage::parse(fixture(QStringLiteral("malformed.json")), QStringLiteral("m.json"));
        QVERIFY(broken.firstError().contains(QStringLiteral("not JSON at byte")));
    }

    void mappingsDecidePipelineAndSide()
    {
        auto store = mappedStore();
        LineageService s(*store, m_clock, QStringLiteral("airflow"));
        const auto ingest = [&](const QString &name, std::optional<Side> only = {}) {
            return s.ingest(OpenLineage::parse(fixture(name), name), only);
        };
        const LineageService::Ingested started = ingest(QStringLiteral("start.json"));
        QVERIFY2(started.ok(), qPrintable(started.describe()));
        QCOMPARE(started.recorded, 1);
        const LineageService::Ingested failed = ingest(QStringLiteral("fail.json"));
        QCOMPARE(failed.events.first().pipeline, QStringLiteral("stg_orders"));
        QCOMPARE(failed.events.first().side, Side::Cloud);
        const LineageService::Ingested batch = ingest(QStringLiteral("batch.json"));
        QCOMPARE(batch.recorded, 4);
        QCOMPARE(batch.events.last().pipeline, QStringLiteral("payroll_sync")); // first match
        // The night before 06:00 on 2026-11-30 in Berlin.
        const QList<RunEvent> night = store->runEvents(QDate(2026, 11, 30));
        QCOMPARE(night.size(), 6);
        // A job nobody mapped, and one mapped by name to no pipeline: counted, not recorded.
        const LineageService::Ingested unmapped = ingest(QStringLiteral("unmapped.json"));
        QCOMPARE(unmapped.recorded, 0);
        QCOMPARE(unmapped.unmapped, 1);
        ingest(QStringLiteral("unmapped.json"));
        QByteArray stray = fixture(QStringLiteral("start.json"));
        stray.replace("nightly_sales.extract_orders", "nightly_sales.no_such_task");
        QCOMPARE(s.ingest(OpenLineage::parse(stray, QStringLiteral("s"))).unmapped, 1);
        const QList<UnmappedJob> jobs = store->unmappedJobs();
        QCOMPARE(jobs.size(), 2);
        QCOMPARE(jobs.at(0).job, QStringLiteral("nightly_sales.no_such_task"));
        QCOMPARE(jobs.at(1).job, QStringLiteral("adhoc_notebook"));
        QCOMPARE(jobs.at(1).events, 2);
        // A token for on-prem only posting a cloud run: the whole document refused, named.
        const int before = int(store->runEvents(QDate(2026, 11, 30)).size());
        const LineageService::Ingested forbidden =
            ingest(QStringLiteral("fail.json"), Side::OnPrem);
        QCOMPARE(forbidden.kind, Outcome::Kind::Refused);
        QVERIFY(forbidden.decision.reasons.first().text.contains(QStringLiteral("stg_orders")));
        QCOMPARE(int(store->runEvents(QDate(2026, 11, 30)).size()), before);
        // Mappings: a duplicate is a conflict, an unknown pipeline bad input, removal by id.
        QCOMPARE(s.addMapping(QStringLiteral("airflow-onprem"), QStringLiteral("hr.*"),
                              QStringLiteral("payroll_sync"), Side::OnPrem)
                     .kind,
                 Outcome::Kind::Conflict);
        QCOMPARE(s.addMapping(QStringLiteral("x"), QStringLiteral("*"), QStringLiteral("nope"),
                              Side::OnPrem)
                     .kind,
                 Outcome::Kind::BadInput);
        const qint64 first = store->lineageMappings().first().id;
        QVERIFY(s.removeMapping(first).ok());
        QCOMPARE(s.removeMapping(first).kind, Outcome::Kind::Unknown);
        QCOMPARE(store->lineageMappings().size(), 2);
    }

    void theListenerSpeaksHttp()
    {
        QString url;
        auto store = mappedStore(&url);
        QTextStream log(stderr);
        const QByteArray onprem = "onprem-token-0123456789";
        QFile tokenFile(m_dir.filePath(QStringLiteral("tokens")));
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write("# the on-prem Airflow\n" + onprem +
                        " onprem\nany-side-token-0123456789\n");
        tokenFile.close();
        QVERIFY(tokenFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QString error;
        const QList<LineageListener::Token> tokens =
            LineageListener::readTokens(tokenFile.fileName(), &error);
        QCOMPARE(tokens.size(), 2);
        LineageListener listener(*store, m_clock, QStringLiteral("watch"), tokens, log);
        const quint16 port = listener.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        QNetworkAccessManager http;
        struct Answer
        {
            int status = 0;
            QByteArray body;
        };
        const auto send = [&](const QString &path, const QByteArray &body,
                              const QByteArray &token) {
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            if (!token.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + token);
            QNetworkReply *reply = body.isNull() ? http.get(request) : http.post(request, body);
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                     reply->readAll()};
            reply->deleteLater();
            return a;
        };
        const QString lineage = QStringLiteral("/api/v1/lineage");
        QCOMPARE(send(lineage, fixture(QStringLiteral("start.json")), {}).status, 401);
        QCOMPARE(
            send(lineage, fixture(QStringLiteral("start.json")), "wrong-token-0123456789").status,
            401);
        const Answer malformed = send(lineage, fixture(QStringLiteral("malformed.json")), onprem);
        QCOMPARE(malformed.status, 400);
        QVERIFY(malformed.body.contains("not JSON at byte"));
        const Answer fields = send(lineage, fixture(QStringLiteral("invalid-fields.json")), onprem);
        QCOMPARE(fields.status, 400);
        QVERIFY2(fields.body.contains("[1].eventType"), fields.body.constData());
        const Answer forbidden = send(lineage, fixture(QStringLiteral("fail.json")), onprem);
        QCOMPARE(forbidden.status, 403);
        QVERIFY(forbidden.body.contains("stg_orders"));
        QCOMPARE(store->runEvents(QDate(2026, 11, 30)).size(), 0); // nothing of the refused
        const Answer batch = send(lineage, fixture(QStringLiteral("batch.json")), onprem);
        QCOMPARE(batch.status, 200);
        const QJsonObject counts = QJsonDocument::fromJson(batch.body).object();
        QCOMPARE(counts.value(QStringLiteral("recorded")).toInt(), 4);
        QCOMPARE(counts.value(QStringLiteral("ignored")).toInt(), 2);
        QCOMPARE(
            send(lineage, fixture(QStringLiteral("fail.json")), "any-side-token-0123456789").status,
            200);
        QCOMPARE(send(lineage, fixture(QStringLiteral("unmapped.json")), onprem).status, 200);
        QCOMPARE(store->runEvents(QDate(2026, 11, 30)).size(), 5);

        QCOMPARE(send(QStringLiteral("/healthz"), QByteArray(), {}).body, QByteArray("ok\n"));
        const Answer metrics = send(QStringLiteral("/metrics"), QByteArray(), {});
        QCOMPARE(metrics.status, 200);
        const QString text = QString::fromUtf8(metrics.body);
        QVERIFY2(
            text.contains(QStringLiteral("daybreak_openlineage_events_total{side=\"onprem\"} 4")),
            qPrintable(text));
        QVERIFY(
            text.contains(QStringLiteral("daybreak_openlineage_events_total{side=\"cloud\"} 1")));
        QVERIFY(text.contains(
            QStringLiteral("daybreak_openlineage_events_total{side=\"unmapped\"} 1")));
        QVERIFY(text.contains(QStringLiteral("daybreak_openlineage_unmapped_jobs 1")));
        QVERIFY(text.contains(QStringLiteral("daybreak_openlineage_requests_refused_total 5")));
        QVERIFY(text.contains(QStringLiteral("daybreak_alerts_open 0")));
        // Every sample line is "name{labels} value" or "name value".
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (!line.startsWith(QLatin1Char('#')))
                QVERIFY2(QRegularExpression(QStringLiteral("^[a-z_]+(\\{[^}]*\\})? -?[0-9.e+]+$"))
                             .match(line)
                             .hasMatch(),
                         qPrintable(line));
    }

    // GET /api/v1/route from the watch's board: under the tokens, with its freshness in headers,
    // answering from the last read while the store is down, refusing what the file would refuse.
    void routesAreServedFromTheBoard()
    {
        auto store = mappedStore();
        QTextStream log(stderr);
        const QByteArray token = "airflow-token-0123456789";
        LineageListener listener(*store, m_clock, QStringLiteral("watch"),
                                 {{token, std::nullopt, QStringLiteral("airflow-prod")}}, log);
        RoutingBoard board;
        listener.setRoutingBoard(&board);
        const quint16 port = listener.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        QNetworkAccessManager http;
        const auto get = [&](const QString &path, const QByteArray &bearer) {
            QNetworkRequest request(
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
            if (!bearer.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + bearer);
            QNetworkReply *reply = http.get(request);
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply->deleteLater();
            return std::make_tuple(
                reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                QJsonDocument::fromJson(reply->readAll()).object(),
                reply->rawHeader("Daybreak-Store-Reachable"),
                reply->rawHeader("Daybreak-Routing-As-Of"));
        };
        const QString fx = QStringLiteral("/api/v1/route/stg_orders");
        auto [status, body, reachable, asOf] = get(fx, token);
        QCOMPARE(status, 503); // nothing read yet
        LastKnownRouting routing;
        routing.storeKey = QStringLiteral("sqlite:///store");
        routing.readAt = m_clock.now().toUTC();
        routing.pointers.insert(QStringLiteral("stg_orders"),
                                RoutingPointer{QStringLiteral("stg_orders"), State::Cloud, 4, {}});
        routing.pointers.insert(
            QStringLiteral("payroll_sync"),
            RoutingPointer{QStringLiteral("payroll_sync"), State::DualRun, 2, {}});
        routing.midChange.insert(QStringLiteral("payroll_sync"));
        board.publish(std::make_shared<const LastKnownRouting>(routing), routing.readAt);

        std::tie(status, body, reachable, asOf) = get(fx, {});
        QCOMPARE(status, 401);
        QVERIFY(!body.contains(QStringLiteral("side")));
        std::tie(status, body, reachable, asOf) = get(fx, "airflow-token-0123456788");
        QCOMPARE(status, 401);
        std::tie(status, body, reachable, asOf) = get(fx, "airflow-token-012345678");
        QCOMPARE(status, 401);
        std::tie(status, body, reachable, asOf) = get(fx, token);
        QCOMPARE(status, 200);
        QCOMPARE(body.value(QStringLiteral("side")).toString(), QStringLiteral("cloud"));
        QCOMPARE(body.value(QStringLiteral("version")).toInt(), 4);
        QCOMPARE(reachable, QByteArray("true"));
        QCOMPARE(fromIsoUtc(QString::fromLatin1(asOf)), routing.readAt);
        std::tie(status, body, reachable, asOf) = get(QStringLiteral("/api/v1/route/nope"), token);
        QCOMPARE(status, 404);
        // The caller's receipt waits on the board for the watch's next run.
        const auto readers = board.takeReaders();
        QCOMPARE(readers.size(), 1);
        QCOMPARE(readers.cbegin()->caller, QStringLiteral("airflow-prod"));
        QCOMPARE(readers.cbegin()->version, qint64(4));

        // The store down: the same answer, said to be from the last read; a pipeline that was
        // mid-change gets none.
        board.unreachable(QStringLiteral("connection refused"));
        std::tie(status, body, reachable, asOf) = get(fx, token);
        QCOMPARE(status, 200);
        QCOMPARE(body.value(QStringLiteral("side")).toString(), QStringLiteral("cloud"));
        QCOMPARE(reachable, QByteArray("false"));
        QCOMPARE(body.value(QStringLiteral("store_unreachable_because")).toString(),
                 QStringLiteral("connection refused"));
        std::tie(status, body, reachable, asOf) =
            get(QStringLiteral("/api/v1/route/payroll_sync"), token);
        QCOMPARE(status, 503);
        QVERIFY(
            body.value(QStringLiteral("error")).toString().contains(QStringLiteral("mid-change")));
        std::tie(status, body, reachable, asOf) = get(QStringLiteral("/api/v1/routes"), token);
        QCOMPARE(status, 200);
        QCOMPARE(body.value(QStringLiteral("routes")).toObject().size(), 2);
        QVERIFY(body.value(QStringLiteral("routes"))
                    .toObject()
                    .value(QStringLiteral("payroll_sync"))
                    .toObject()
                    .value(QStringLiteral("mid_change"))
                    .toBool());
        // Older than a day: refused.
        m_clock.advanceMinutes(25 * 60);
        std::tie(status, body, reachable, asOf) = get(fx, token);
        QCOMPARE(status, 503);
        QVERIFY(body.value(QStringLiteral("error")).toString().contains(QStringLiteral("older")));
        std::tie(status, body, reachable, asOf) = get(QStringLiteral("/api/v1/routes"), token);
        QCOMPARE(status, 503);
        m_clock.advanceMinutes(-25 * 60);
    }

    // With a certificate the listener speaks HTTPS only: a client that trusts the certificate is
    // answered, a plain-HTTP client (whose token would cross in clear) is not.
    void tlsServesHttpsOnly()
    {
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        const CtlRun made =
            runCtl(QStringLiteral("openssl"),
                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                    QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY2(made.exit == 0, qPrintable(made.err));
        auto store = mappedStore();
        QTextStream log(stderr);
        LineageListener listener(*store, m_clock, QStringLiteral("watch"),
                                 {{"tls-token-0123456789", std::nullopt, QStringLiteral("t")}},
                                 log);
        QString error;
        QVERIFY(!listener.useTls(m_dir.filePath(QStringLiteral("none.pem")), key, &error));
        QVERIFY2(error.contains(QStringLiteral("none.pem")), qPrintable(error));
        QVERIFY(!listener.useTls(cert, cert, &error)); // a certificate is not a key
        QVERIFY2(error.contains(QStringLiteral("private key")), qPrintable(error));
        QVERIFY2(listener.useTls(cert, key, &error), qPrintable(error));
        const quint16 port = listener.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);

        QNetworkAccessManager http;
        const auto get = [&](const QString &scheme) {
            QNetworkRequest request(
                QUrl(QStringLiteral("%1://127.0.0.1:%2/healthz").arg(scheme).arg(port)));
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates(QSslCertificate::fromPath(cert));
            request.setSslConfiguration(ssl);
            request.setRawHeader("Authorization", "Bearer tls-token-0123456789");
            QNetworkReply *reply = http.get(request);
            QEventLoop loop;
            connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply->deleteLater();
            return std::make_pair(reply->error(), reply->readAll());
        };
        const auto [secureError, secureBody] = get(QStringLiteral("https"));
        QCOMPARE(secureError, QNetworkReply::NoError);
        QCOMPARE(secureBody, QByteArray("ok\n"));
        const auto [plainError, plainBody] = get(QStringLiteral("http"));
        QVERIFY(plainError != QNetworkReply::NoError);
        QVERIFY(plainBody.isEmpty());
    }

    void tokensFilesAreChecked()
    {
        QString error;
        QFile f(m_dir.filePath(QStringLiteral("short")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("0123456789abcdefgh\n");
        f.close();
        // A file group or others can read is refused, naming it, whatever it holds.
        for (const QFileDevice::Permissions loose :
             {QFileDevice::ReadOther, QFileDevice::ReadGroup, QFileDevice::WriteGroup}) {
            QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | loose));
            QVERIFY(LineageListener::readTokens(f.fileName(), &error).isEmpty());
            QVERIFY2(error.contains(f.fileName()) && error.contains(QStringLiteral("chmod 600")),
                     qPrintable(error));
        }
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(LineageListener::readTokens(f.fileName(), &error).size(), 1);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("abc\n");
        f.close();
        QVERIFY(LineageListener::readTokens(f.fileName(), &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral(":1:")) &&
                     error.contains(QStringLiteral("guessable")),
                 qPrintable(error));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("0123456789abcdefgh sideways\n");
        f.close();
        QVERIFY(LineageListener::readTokens(f.fileName(), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("onprem|cloud")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("0123456789abcdefgh cloud name=airflow-cloud\n0123456789abcdefgi\n");
        f.close();
        const QList<LineageListener::Token> named =
            LineageListener::readTokens(f.fileName(), &error);
        QCOMPARE(named.size(), 2);
        QCOMPARE(named.at(0).name, QStringLiteral("airflow-cloud"));
        QCOMPARE(named.at(0).side, std::optional<Side>(Side::Cloud));
        QCOMPARE(named.at(1).name, QStringLiteral("token 2"));
    }

    void theCliMapsAndReads()
    {
        QString url;
        auto store = mappedStore(&url);
        const auto ctl = [&](QStringList args) {
            return runCtl(QStringLiteral(DAYBREAKCTL_PATH),
                          args << QStringLiteral("--store") << url);
        };
        const CtlRun list = ctl({QStringLiteral("map"), QStringLiteral("list")});
        QCOMPARE(list.exit, 0);
        QVERIFY(list.out.contains(
            QStringLiteral("airflow-cloud  nightly_sales.stg_*  ->  stg_orders  cloud")));
        QCOMPARE(ctl({QStringLiteral("map"), QStringLiteral("add"), QStringLiteral("ns"),
                      QStringLiteral("*"), QStringLiteral("--side"), QStringLiteral("cloud")})
                     .exit,
                 2); // neither --pipeline nor --same-name
        const CtlRun file = ctl({QStringLiteral("run-event"), QStringLiteral("--openlineage"),
                                 QStringLiteral(DAYBREAK_TEST_DATA "/openlineage/batch.json")});
        QCOMPARE(file.exit, 0);
        QVERIFY2(file.out.contains(QStringLiteral("4 event(s) recorded, 0 unmapped, 2 ignored")),
                 qPrintable(file.out));
        const CtlRun bad =
            ctl({QStringLiteral("run-event"), QStringLiteral("--openlineage"),
                 QStringLiteral(DAYBREAK_TEST_DATA "/openlineage/invalid-fields.json")});
        QCOMPARE(bad.exit, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("invalid-fields.json")) &&
                     bad.err.contains(QStringLiteral("[1].eventType")),
                 qPrintable(bad.err));
        ctl({QStringLiteral("run-event"), QStringLiteral("--openlineage"),
             QStringLiteral(DAYBREAK_TEST_DATA "/openlineage/unmapped.json")});
        const CtlRun unmapped = ctl({QStringLiteral("map"), QStringLiteral("unmapped")});
        QVERIFY2(unmapped.out.contains(QStringLiteral("spark-prod  adhoc_notebook  1 event(s)")),
                 qPrintable(unmapped.out));
    }
};

QTEST_GUILESS_MAIN(TestLineage)
#include "tst_lineage.moc"
