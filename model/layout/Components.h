#pragma once

#include <vector>

namespace daybreak {

// The connected components of a graph (edges u -> v in down[u], direction ignored), largest
// first, each listing its vertices in increasing order.
std::vector<std::vector<int>> connectedComponents(const std::vector<std::vector<int>> &down);

} // namespace daybreak
