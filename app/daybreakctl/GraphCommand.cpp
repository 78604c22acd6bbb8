#include "Commands.h"
#include "CtlContext.h"

#include "Calendar.h"
#include "GraphDrawing.h"
#include "GraphPicture.h"
#include "GroupFolders.h"

#include <QFile>

namespace daybreak {

// daybreakctl graph --format svg|png|json --out FILE [--select S] [--collapse all|G,...]
// The console's picture without a display: the same GraphDrawing, drawn by GraphPicture.
int cmdGraph(CtlContext &ctx)
{
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("svg, png or json."),
                                    QStringLiteral("format"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("File to write."),
                                 QStringLiteral("file"));
    const QCommandLineOption collapse(
        QStringLiteral("collapse"),
        QStringLiteral("Draw these groups as one box each: all; overview (whole folders of "
                       "groups folded, as the console opens a large platform); or group and "
                       "folder names separated by commas."),
        QStringLiteral("groups"));
    const QCommandLineOption flat(QStringLiteral("no-groups"),
                                  QStringLiteral("The plain layout, without group boxes."));
    const QCommandLineOption select = CtlContext::selectOption();
    if (!ctx.parse({format, out, collapse, flat, select}))
        return ctx.parseExit;
    QStringList bad;
    const QString f = ctx.parser.value(format);
    if (f != QLatin1String("svg") && f != QLatin1String("png") && f != QLatin1String("json"))
        bad << QStringLiteral("--format must be svg, png or json");
    if (ctx.parser.value(out).isEmpty())
        bad << QStringLiteral("--out FILE is required");
    if (ctx.parser.isSet(flat) && ctx.parser.isSet(collapse))
        bad << QStringLiteral("--collapse needs groups; drop --no-groups");
    if (!bad.isEmpty())
        return ctx.usage(bad.join(QStringLiteral("; ")));
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const StoreSnapshot full = store->snapshot();
    const std::optional<StoreSnapshot> s = ctx.selected(full, select);
    if (!s)
        return ExitBadInput;

    GraphDrawing::Options options;
    options.groups = !ctx.parser.isSet(flat);
    const GroupFolders folders(s->inventory);
    if (ctx.parser.value(collapse) == QLatin1String("all")) {
        options.collapseAll = true;
    } else if (ctx.parser.value(collapse) == QLatin1String("overview")) {
        options.collapseAll = true;
        options.folded = folders.overview(GroupFolders::kOverviewBoxes);
    } else if (ctx.parser.isSet(collapse)) {
        QSet<QString> known;
        for (const Pipeline &p : s->inventory.pipelines())
            known.insert(p.groupName());
        QStringList unknown;
        for (const QString &name :
             ctx.parser.value(collapse).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString g = name.trimmed();
            if (folders.isFolder(g))
                options.folded.insert(g);
            else if (known.contains(g))
                options.collapsed.insert(g);
            else
                unknown << g;
        }
        if (!unknown.isEmpty())
            return ctx.usage(
                QStringLiteral("--collapse: no group or folder %1 among the drawn pipelines")
                    .arg(unknown.join(QStringLiteral(", "))));
    }
    const GraphDrawing drawing = GraphDrawing::compute(s->inventory, options);
    const QString path = ctx.parser.value(out);
    if (f == QLatin1String("json")) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(GraphPicture::json(drawing).toJson(QJsonDocument::Indented)) < 0)
            return ctx.fail(ExitBadInput, QStringLiteral("%1: cannot be written").arg(path));
    } else {
        const QDate asOf = Calendar(full.inventory).localDate(ctx.clock.now());
        const QString error =
            GraphPicture::write(path, f == QLatin1String("svg"), drawing, *s, asOf);
        if (!error.isEmpty())
            return ctx.fail(ExitBadInput, error);
    }
    ctx.out << "Wrote " << path << " (" << drawing.nodes().size() << " pipelines, "
            << drawing.groups().size() << " groups)" << Qt::endl;
    return ExitDone;
}

} // namespace daybreak
