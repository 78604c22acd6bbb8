#pragma once

#include <functional>

class QUndoGroup;

namespace daybreak {

class MainWindow;
class StoreOpener;

// The console's menu bar and tool bar. Each entry calls the window's parts; the window keeps no
// menu code of its own.
struct MainMenus
{
    struct Parts
    {
        StoreOpener *opener;
        QUndoGroup *undo; // the open store's plan edits
        std::function<void()> exportReport;
        std::function<bool()> editsSettled; // no plan edit on its way to the store
    };
    static void build(MainWindow &window, const Parts &parts);
};

} // namespace daybreak
