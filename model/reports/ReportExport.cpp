#include "ReportExport.h"

#include "Calendar.h"
#include "CsvParser.h"
#include "MigrationRules.h"
#include "PdfPages.h"
#include "StatePalette.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextOption>

namespace daybreak {

namespace ReportExport {

namespace {
QString saveText(const QString &path, const QString &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    file.write(text.toUtf8());
    return file.commit() ? QString()
                         : QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
}

QString dataUrl(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}
} // namespace

std::optional<Format> formatFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("pdf"))
        return Format::Pdf;
    if (n == QLatin1String("html"))
        return Format::Html;
    if (n == QLatin1String("md") || n == QLatin1String("markdown"))
        return Format::Markdown;
    if (n == QLatin1String("csv"))
        return Format::Csv;
    if (n == QLatin1String("dot"))
        return Format::Dot;
    return std::nullopt;
}

QString csv(const StoreSnapshot &s, const QDate &today)
{
    // The inventory's CSV columns first (so the file reads back as an inventory), then the plan.
    QStringList lines{
        QStringLiteral("# timezone: %1").arg(s.inventory.timezone),
        QStringLiteral(
            "id,name,owner,schedule,duration_onprem,duration_cloud,sla,upstreams,risk,target,state,"
            "canonical,wave,wave_date,order,gate")};
    const WaveRules rules(s, today);
    QHash<QString, int> order;
    for (const Wave &w : s.plan.waves()) {
        int n = 0;
        for (const QString &id : rules.cutoverOrder(w))
            order.insert(id, ++n);
    }
    for (const Pipeline &p : s.inventory.pipelines()) {
        const State state = s.stateOf(p.id);
        const QString wave = s.plan.waveOf(p.id);
        const Wave *w = s.plan.find(wave);
        QStringList cells{p.id,
                          p.name,
                          p.owner,
                          p.scheduleText(),
                          QString::number(p.onpremMinutes),
                          QString::number(p.cloudMinutes),
                          p.sla ? p.sla->toString(QStringLiteral("HH:mm")) : QString(),
                          p.upstreams.join(QLatin1Char(';')),
                          riskName(p.risk),
                          sideName(p.target),
                          stateName(state),
                          sideName(canonicalSide(state)),
                          wave,
                          w ? w->date.toString(Qt::ISODate) : QString(),
                          order.contains(p.id) ? QString::number(order.value(p.id)) : QString(),
                          gateStatusName(MigrationRules::gateOf(s, p.id, today).status)};
        for (QString &c : cells)
            c = CsvParser::quote(c);
        lines << cells.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString dot(const StoreSnapshot &s)
{
    auto quote = [](const QString &t) {
        return QLatin1Char('"') + QString(t).replace(QLatin1String("\""), QLatin1String("\\\"")) +
               QLatin1Char('"');
    };
    QString d = QStringLiteral("digraph daybreak {\n  rankdir=LR;\n  node [shape=box, "
                               "style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
    for (const Pipeline &p : s.inventory.pipelines()) {
        const State state = s.stateOf(p.id);
        d += QStringLiteral("  %1 [label=%2, fillcolor=\"%3\", fontcolor=\"%4\"%5, tooltip=%6];\n")
                 .arg(quote(p.id), quote(p.id + QStringLiteral("\\n") + stateName(state)),
                      StatePalette::fill(state).name(), StatePalette::text(state).name(),
                      p.staysOnPrem() ? QStringLiteral(", style=\"rounded,filled,dashed\"")
                                      : QString(),
                      quote(p.name));
    }
    for (const Pipeline &p : s.inventory.pipelines())
        for (const QString &up : p.upstreams) {
            const bool cross = canonicalSide(s.stateOf(up)) != canonicalSide(s.stateOf(p.id));
            d += QStringLiteral("  %1 -> %2%3;\n")
                     .arg(quote(up), quote(p.id),
                          cross ? QStringLiteral(" [color=\"#d35f00\", style=dashed, penwidth=2]")
                                : QString());
        }
    d += QStringLiteral("}\n");
    return d;
}

QString write(Format format, const QString &path, const StoreSnapshot &snapshot,
              const PlanReport::Options &options, const std::function<void(int)> &progress)
{
    auto step = [&](int percent) {
        if (progress)
            progress(percent);
    };
    const QDate today = Calendar(snapshot.inventory).localDate(options.generatedAt);
    if (!options.onlyWave.isEmpty() && !snapshot.plan.find(options.onlyWave))
        return QStringLiteral("unknown wave '%1'").arg(options.onlyWave);
    if (format == Format::Csv)
        return saveText(path, csv(snapshot, today));
    if (format == Format::Dot)
        return saveText(path, dot(snapshot));

    const PlanReport report(snapshot, options); // gathers the facts and draws the pictures
    step(50);
    auto pictureOf = [&report](const QString &name) {
        for (const PlanReport::Picture &p : report.pictures())
            if (p.name == name)
                return p.image;
        return QImage();
    };
    if (format == Format::Html)
        return saveText(path,
                        report.html([&](const QString &name) { return dataUrl(pictureOf(name)); }));
    if (format == Format::Markdown) {
        // The pictures go beside the Markdown file, which links them by name.
        const QFileInfo info(path);
        auto fileName = [&info](const QString &name) {
            return info.completeBaseName() + QLatin1Char('-') + name + QStringLiteral(".png");
        };
        for (const PlanReport::Picture &p : report.pictures())
            if (!p.image.save(info.dir().filePath(fileName(p.name))))
                return QStringLiteral("cannot write the pictures beside %1").arg(path);
        return saveText(path, report.markdown(fileName));
    }
    QTextDocument doc;
    // Words (ids above all) break only between words, never inside one: "rpt_exec_d / aily_sales"
    // in a narrow cell was an id nobody could search for.
    QTextOption wrap = doc.defaultTextOption();
    wrap.setWrapMode(QTextOption::WordWrap);
    doc.setDefaultTextOption(wrap);
    for (const PlanReport::Picture &p : report.pictures())
        doc.addResource(QTextDocument::ImageResource, QUrl(p.name + QStringLiteral(".png")),
                        p.image);
    doc.setHtml(report.html([](const QString &name) { return name + QStringLiteral(".png"); }));
    // No typographic ligatures anywhere: "rpt_finance_flash" copied out of the PDF must stay
    // "fi" and "fl", not U+FB01 and U+FB02, or a pasted command fails. Qt's shaper leaves
    // ligatures out of letter-spaced text, so every character gets a spacing too small to see.
    QTextCursor all(&doc);
    all.select(QTextCursor::Document);
    QTextCharFormat noLigatures;
    noLigatures.setFontLetterSpacingType(QFont::AbsoluteSpacing);
    noLigatures.setFontLetterSpacing(0.05); // Qt counts in 64ths of a pixel: 0.01 would be 0
    all.mergeCharFormat(noLigatures);
    step(70);
    QPdfWriter writer(path);
    writer.setTitle(QStringLiteral("Daybreak migration plan"));
    writer.setCreator(QStringLiteral("Daybreak"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    // Landscape: the tables get the width they need, and a runbook command fits on one line.
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 10), QPageLayout::Millimeter);
    // Every page says which copy it belongs to.
    const QString footer =
        QStringLiteral("Daybreak migration plan · %1 · made %2 · %3")
            .arg(options.storeLocation,
                 Calendar(snapshot.inventory)
                     .format(options.generatedAt, QStringLiteral("yyyy-MM-dd HH:mm t")),
                 report.versionText());
    if (PdfPages::print(doc, writer, footer) == 0)
        return QStringLiteral("cannot write %1").arg(path);
    step(100);
    if (!QFileInfo::exists(path) || QFileInfo(path).size() == 0)
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

} // namespace ReportExport

} // namespace daybreak
