#include "Commands.h"
#include "CtlContext.h"
#include "ExitCode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace daybreak {

// daybreakctl verify: the store's own promises (Store::verify), checked after the fact; exit 1
// with every finding.
int cmdVerify(CtlContext &ctx)
{
    if (!ctx.parse({}))
        return ctx.parseExit;
    Store *store = ctx.openStore();
    if (!store)
        return ExitStore;
    const QStringList findings = store->verify();
    if (ctx.json()) {
        ctx.printJson(QJsonDocument(
            QJsonObject{{QStringLiteral("store"), store->location()},
                        {QStringLiteral("findings"), QJsonArray::fromStringList(findings)}}));
        return findings.isEmpty() ? ExitDone : ExitValidation;
    }
    for (const QString &finding : findings)
        ctx.err << store->location() << ": " << finding << Qt::endl;
    if (!findings.isEmpty()) {
        ctx.err << findings.size() << " finding(s)" << Qt::endl;
        return ExitValidation;
    }
    ctx.out << store->location()
            << ": audit triggers in place; every pointer follows from its audit rows" << Qt::endl;
    return ExitDone;
}

} // namespace daybreak
