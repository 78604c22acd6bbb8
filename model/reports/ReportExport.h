#pragma once

#include "PlanReport.h"

#include <QString>

namespace daybreak {

// Writes the plan report in one of the formats of `daybreakctl report`. Returns an error
// message, or an empty string when the file was written.
namespace ReportExport {

enum class Format
{
    Pdf,
    Html,
    Markdown,
    Csv,
    Dot
};
std::optional<Format> formatFromName(const QString &name); // pdf, html, md, csv, dot

// `progress` (optional) hears the share done, 0..100.
QString write(Format format, const QString &path, const StoreSnapshot &snapshot,
              const PlanReport::Options &options, const std::function<void(int)> &progress = {});

QString csv(const StoreSnapshot &snapshot, const QDate &today);
QString dot(const StoreSnapshot &snapshot);

} // namespace ReportExport

} // namespace daybreak
