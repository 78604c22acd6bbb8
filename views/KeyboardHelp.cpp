#include "KeyboardHelp.h"

#include <QCoreApplication>

namespace daybreak {

QString keyboardHelp()
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("daybreak::KeyboardHelp", text);
    };
    return tr("<h3>Everything the mouse does, from the keyboard</h3>"
              "<table cellpadding='3'>"
              "<tr><td><b>Tab</b>, <b>Shift+Tab</b></td><td>move between the controls of a "
              "panel; <b>Ctrl+Tab</b> between the tabs</td></tr>"
              "<tr><td><b>Alt+1</b>, <b>Alt+2</b></td><td>the dependency graph, the wave "
              "board</td></tr>"
              "<tr><td><b>Ctrl+F</b></td><td>find a pipeline or a selection (<i>+id+</i>, "
              "<i>group:G</i>); Enter selects it, and a group's id opens the group</td></tr>"
              "<tr><td><b>Ctrl++</b>, <b>Ctrl+-</b>, <b>Ctrl+0</b>, <b>Ctrl+1</b></td><td>zoom "
              "in, zoom out, fit, actual size</td></tr>"
              "<tr><td><b>Up</b>, <b>Down</b> in a wave's card list</td><td>choose a pipeline "
              "(<b>Shift</b> to choose several)</td></tr>"
              "<tr><td><b>Ctrl+Right</b>, <b>Ctrl+Left</b></td><td>move the chosen cards to the "
              "next or the previous wave, as dragging them does; <b>Ctrl+Shift+Right</b> takes "
              "their upstreams along</td></tr>"
              "<tr><td><b>Ctrl+Z</b>, <b>Ctrl+Shift+Z</b></td><td>undo, redo a plan edit</td></tr>"
              "<tr><td><b>Ctrl+Shift+C</b>, <b>Ctrl+Shift+R</b></td><td>cut over, roll back the "
              "chosen pipeline (every rule is checked, as from its menu)</td></tr>"
              "<tr><td><b>Menu key</b> or <b>Shift+F10</b> in the pipeline table</td><td>the "
              "chosen pipeline's menu, as a right click on it in the graph</td></tr>"
              "<tr><td><b>F5</b></td><td>read the store again</td></tr>"
              "<tr><td><b>F11</b></td><td>the war room; <b>F11</b> or <b>Esc</b> leaves "
              "it</td></tr>"
              "<tr><td><b>Ctrl+E</b>, <b>Ctrl+Shift+E</b></td><td>export the graph, the "
              "report</td></tr>"
              "</table>");
}

} // namespace daybreak
