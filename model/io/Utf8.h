#pragma once

#include <QByteArray>

#include <optional>

namespace daybreak {

struct TextPosition
{
    int line = 1;   // 1-based
    int column = 1; // 1-based, in bytes
};

// Where `data` first stops being valid UTF-8, or nothing when all of it is. A reader that let
// Qt replace such bytes would import a name nobody wrote (tst_inventoryreader guards it).
std::optional<TextPosition> firstInvalidUtf8(const QByteArray &data);

} // namespace daybreak
