#include "ParityDiff.h"

#include "DiffEngine.h"
#include "DiffSides.h"
#include "SideWorker.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <thread>

namespace daybreak {

using namespace diff;

namespace {

using Shape = QList<ColumnShape>;

const ColumnShape *findColumn(const Shape &shape, const QString &name)
{
    for (const ColumnShape &c : shape)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

bool numeric(ValueClass v)
{
    return v == ValueClass::Integer || v == ValueClass::Decimal || v == ValueClass::Float;
}

// Both connections at once.
void openBoth(SideWorker &on, SideWorker &cloud)
{
    std::exception_ptr failure;
    std::thread other([&] {
        try {
            cloud.open();
        } catch (...) {
            failure = std::current_exception();
        }
    });
    try {
        on.open();
    } catch (...) {
        other.join();
        throw;
    }
    other.join();
    if (failure)
        std::rethrow_exception(failure);
}

// The tables' columns, inside each side's snapshot; refused when a table is not there.
std::pair<Shape, Shape> describeBoth(Side &on, Side &cloud, const ParityMapping &mapping)
{
    auto describe = [](Side &s, const TableRef &ref) {
        return s.worker->submit<std::optional<Shape>>(
            [&s, ref](QSqlDatabase &db) -> std::optional<Shape> {
                for (const QString &statement : s.dialect().snapshotStatements()) {
                    QSqlQuery q(db);
                    if (!q.exec(statement))
                        throw SourceUnreachable(q.lastError().text().toStdString());
                }
                QString error;
                auto shape = s.dialect().describe(db, ref.schema, ref.table, &error);
                if (!shape && !error.isEmpty())
                    throw std::runtime_error(error.toStdString());
                return shape;
            });
    };
    auto fa = describe(on, mapping.onprem);
    auto fb = describe(cloud, mapping.cloud);
    const auto [onShape, cloudShape] = both(fa, fb);
    QStringList problems;
    if (!onShape)
        problems << QStringLiteral("table %1 not found on-prem").arg(on.tableName);
    if (!cloudShape)
        problems << QStringLiteral("table %1 not found in the cloud").arg(cloud.tableName);
    if (!problems.isEmpty())
        refuse(problems.join(QStringLiteral("; ")));
    return {*onShape, *cloudShape};
}

// The columns compared (the mapping's, or all but the key and the excluded), refused with every
// column the mapping names that a side does not have.
QStringList comparedColumns(const ParityMapping &mapping, const Shape &onShape,
                            const Shape &cloudShape, const Side &on, const Side &cloud)
{
    QStringList compared = mapping.columns;
    if (compared.isEmpty())
        for (const ColumnShape &c : onShape)
            if (!mapping.key.contains(c.name, Qt::CaseInsensitive) &&
                !mapping.exclude.contains(c.name, Qt::CaseInsensitive))
                compared << c.name;
    QStringList problems;
    for (const QString &name : mapping.key + compared + mapping.exclude +
                                   mapping.tolerances.keys() + mapping.normalise.keys()) {
        if (!findColumn(onShape, name))
            problems << QStringLiteral("column %1 is not in %2 (on-prem)").arg(name, on.tableName);
        if (!findColumn(cloudShape, name))
            problems << QStringLiteral("column %1 is not in %2 (cloud)").arg(name, cloud.tableName);
    }
    problems.removeDuplicates();
    if (!problems.isEmpty())
        refuse(problems.join(QStringLiteral("; ")));
    return compared;
}

// How both sides write column `name`, refused when the pair cannot be compared.
CanonicalForm canonicalForm(const ParityMapping &mapping, const Shape &onShape,
                            const Shape &cloudShape, const QString &name)
{
    const ColumnShape *x = findColumn(onShape, name);
    const ColumnShape *y = findColumn(cloudShape, name);
    const std::optional<ValueClass> cls = comparableClass(x->cls, y->cls);
    if (!cls)
        refuse(QStringLiteral("column %1 cannot be compared: %2 (%3) on-prem, %4 (%5) in the cloud")
                   .arg(name, x->nativeType, valueClassName(x->cls), y->nativeType,
                        valueClassName(y->cls)));
    CanonicalForm f;
    f.cls = *cls;
    if (f.cls == ValueClass::Decimal || f.cls == ValueClass::Float) {
        const int scale = std::max(x->cls == ValueClass::Decimal ? x->scale : -1,
                                   y->cls == ValueClass::Decimal ? y->scale : -1);
        f.scale = scale >= 0 ? scale : 6;
        if (x->cls == ValueClass::Integer && y->cls == ValueClass::Integer)
            f.scale = 0;
    }
    const auto t = mapping.tolerances.constFind(name);
    if (t != mapping.tolerances.cend() && t->kind == Tolerance::Kind::Precision)
        f.timestampChars = t->precision == QLatin1String("s")    ? 19
                           : t->precision == QLatin1String("ms") ? 23
                                                                 : 26;
    f.normalise = mapping.normalise.value(name);
    return f;
}

// One side's plan: its table, filter, and the canonical expressions of the key and the compared
// columns; `integerKey` is cleared unless the key is one integer on this side too, and `classes`
// (when given) gets the compared columns' classes.
void planSide(Side &s, const ParityMapping &mapping, const Shape &onShape, const Shape &cloudShape,
              const QStringList &compared, bool *integerKey, QList<ValueClass> *classes)
{
    const Shape &shape = s.label == QLatin1String("onprem") ? onShape : cloudShape;
    const TableRef &ref = s.label == QLatin1String("onprem") ? mapping.onprem : mapping.cloud;
    s.table = s.dialect().table(ref.schema, ref.table);
    s.filter = boundFilter(mapping.where, &s.filterDateParams);
    for (const QString &k : mapping.key) {
        CanonicalForm f = canonicalForm(mapping, onShape, cloudShape, k);
        if (f.cls != ValueClass::Integer && f.cls != ValueClass::Text && f.cls != ValueClass::Date)
            refuse(QStringLiteral("key column %1 is %2; a key is an integer, text or a date")
                       .arg(k, valueClassName(f.cls)));
        const ColumnShape *own = findColumn(shape, k);
        if (f.cls != ValueClass::Integer || own->cls != ValueClass::Integer)
            *integerKey = false;
        f.nativeBoolean = own->cls == ValueClass::Boolean;
        s.keyOrder << s.dialect().keyOrder(own->name, f.cls);
        s.keyRaw << (f.cls == ValueClass::Date ? s.dialect().canonical(own->name, f)
                                               : s.dialect().quote(own->name));
        s.keyCanon << s.dialect().canonical(own->name, f);
    }
    QStringList canonAll = s.keyCanon;
    const QString dbl = s.dialect().kind() == SqlDialect::Kind::PostgreSQL
                            ? QStringLiteral("DOUBLE PRECISION")
                        : s.dialect().kind() == SqlDialect::Kind::MySQL ? QStringLiteral("DOUBLE")
                                                                        : QStringLiteral("REAL");
    for (const QString &c : compared) {
        CanonicalForm f = canonicalForm(mapping, onShape, cloudShape, c);
        const ColumnShape *own = findColumn(shape, c);
        f.nativeBoolean = own->cls == ValueClass::Boolean;
        const QString expr = s.dialect().canonical(own->name, f);
        s.columnCanon << expr;
        canonAll << expr;
        s.aggregateExprs << QStringLiteral("COUNT(%1)").arg(s.dialect().quote(own->name));
        // Summed only where both sides hold numbers (a boolean paired with an integer is
        // compared, not summed), so both sides' aggregate lists stay aligned.
        if (numeric(findColumn(onShape, c)->cls) && numeric(findColumn(cloudShape, c)->cls))
            s.aggregateExprs
                << QStringLiteral("SUM(CAST(%1 AS %2))").arg(s.dialect().quote(own->name), dbl);
        if (classes)
            *classes << f.cls;
    }
    s.rowString = s.dialect().rowString(canonAll);
    if (s.aggregateExprs.isEmpty())
        s.aggregateExprs << QStringLiteral("COUNT(*)");
}

// The filter, checked on both sides before anything is read; refused with each side's words.
void checkFilters(Side &on, Side &cloud, const ParityMapping &mapping, const QDate &date)
{
    auto check = [&](Side &s) {
        return s.worker->submit<QString>([&](QSqlDatabase &db) {
            QVariantList p = filterParams(s, date);
            try {
                runSelect(
                    db, s,
                    QStringLiteral("SELECT 1 FROM %1 WHERE %2 AND 1 = 0").arg(s.table, s.filter),
                    p);
            } catch (const SourceUnreachable &) {
                throw;
            } catch (const std::exception &e) {
                return QStringLiteral("the filter '%1' is refused %2: %3")
                    .arg(mapping.where, whereSide(s.label),
                         QString::fromStdString(e.what()).trimmed());
            }
            return QString();
        });
    };
    auto ca = check(on);
    auto cb = check(cloud);
    const auto [filterOn, filterCloud] = both(ca, cb);
    if (!filterOn.isEmpty() || !filterCloud.isEmpty())
        refuse(QStringList{filterOn, filterCloud}
                   .filter(QRegularExpression(QStringLiteral(".")))
                   .join(QStringLiteral("; ")));
}

} // namespace

ParityDiff::ParityDiff(ParityMapping mapping, ParitySource onprem, ParitySource cloud,
                       DiffOptions options)
    : m_mapping(std::move(mapping)), m_onprem(std::move(onprem)), m_cloud(std::move(cloud)),
      m_options(std::move(options))
{
}

DiffReport ParityDiff::run()
{
    QElapsedTimer timer;
    timer.start();
    DiffReport report;
    report.pipeline = m_mapping.pipeline;
    report.businessDate = m_options.businessDate;
    report.keyColumns = m_mapping.key;
    SideWorker onWorker(m_onprem, QStringLiteral("onprem"));
    SideWorker cloudWorker(m_cloud, QStringLiteral("cloud"));
    try {
        compare(onWorker, cloudWorker, report);
    } catch (const SourceUnreachable &e) {
        report.status = DiffReport::Status::Unreachable;
        report.error = QString::fromStdString(e.what());
        if (!report.error.contains(QLatin1String("source ")))
            report.error =
                QStringLiteral("a source was lost in the middle of the diff (%1 or %2): %3")
                    .arg(m_onprem.name, m_cloud.name, report.error);
    } catch (const BadMapping &e) {
        report.status = DiffReport::Status::BadMapping;
        report.error = QString::fromStdString(e.what());
    } catch (const std::invalid_argument &e) {
        report.status = DiffReport::Status::BadMapping;
        report.error = QString::fromStdString(e.what());
    } catch (const std::runtime_error &e) {
        report.status = DiffReport::Status::BadMapping;
        report.error =
            QStringLiteral("a query was refused: %1").arg(QString::fromStdString(e.what()));
    }
    report.queries = onWorker.queries() + cloudWorker.queries();
    report.bytesFetched = onWorker.bytes() + cloudWorker.bytes();
    report.seconds = timer.nsecsElapsed() / 1e9;
    return report;
}

void ParityDiff::compare(SideWorker &onWorker, SideWorker &cloudWorker, DiffReport &report)
{
    Side on;
    on.worker = &onWorker;
    on.label = QStringLiteral("onprem");
    on.tableName = m_mapping.onprem.toString();
    Side cloud;
    cloud.worker = &cloudWorker;
    cloud.label = QStringLiteral("cloud");
    cloud.tableName = m_mapping.cloud.toString();
    openBoth(onWorker, cloudWorker);
    report.onpremEngine = onWorker.dialect().name();
    report.cloudEngine = cloudWorker.dialect().name();
    const auto [onShape, cloudShape] = describeBoth(on, cloud, m_mapping);
    const QStringList compared = comparedColumns(m_mapping, onShape, cloudShape, on, cloud);
    report.comparedColumns = compared;
    bool integerKey = m_mapping.key.size() == 1;
    QList<ValueClass> classes;
    planSide(on, m_mapping, onShape, cloudShape, compared, &integerKey, &classes);
    planSide(cloud, m_mapping, onShape, cloudShape, compared, &integerKey, nullptr);
    checkFilters(on, cloud, m_mapping, m_options.businessDate);
    DiffEngine engine(m_mapping, m_options, report, on, cloud, integerKey);
    engine.classes = classes;
    if (!m_options.floorOnly)
        engine.checkUniqueKeys();
    engine.compare();
    report.causes = classifyDifferences(report.changed, 5);
    report.status = report.mismatchedRows() == 0 && report.onpremRows == report.cloudRows
                        ? DiffReport::Status::Clean
                        : DiffReport::Status::Breach;
}

} // namespace daybreak
