#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace daybreak {

// What a dbt project says a parity diff should compare, read from the manifest compiled for one
// side's target: each model's relation on that side (`relation_name`, or its schema and alias
// when the manifest was not compiled) and its key, taken from, in this order:
//   meta.daybreak.key ("id" or ["region", "id"]), a primary_key constraint (the model's or a
//   column's), a `unique` test on one column, dbt_utils' unique_combination_of_columns.
// A model with none of them has no key: it is listed, never given a guessed one.
struct DbtParityModel
{
    QString uniqueId;
    QString schema;
    QString table;
    QStringList key;      // empty: no key
    QString keyFrom;      // "meta.daybreak.key", "primary_key constraint", "unique test", ...
    bool compiled = true; // relation_name was there
};

struct DbtParityRead
{
    QHash<QString, DbtParityModel> models; // by unique_id
    QString error;                         // the file could not be read (named)
};

DbtParityRead readDbtParityKeys(const QByteArray &manifest, const QString &fileName);

} // namespace daybreak
