#pragma once

#include <vector>

namespace daybreak {

// Which layer (column) each node of an acyclic graph sits in. Every edge goes at least one layer
// right, and edges are kept short: a node with more readers than inputs moves right towards its
// first reader (a source sits just before it), one with more inputs than readers left towards its
// last input, until nothing moves. Short edges mean fewer dummies, fewer crossings and less ink.
class LayerAssignment
{
public:
    // `down` and `up` are the edges (u -> v in down[u] and up[v]); `topological` lists every
    // vertex with each edge's source before its target.
    static std::vector<int> compute(const std::vector<std::vector<int>> &down,
                                    const std::vector<std::vector<int>> &up,
                                    const std::vector<int> &topological);

    // Sum over edges of the layers each spans: what compute() keeps small.
    static long long totalSpan(const std::vector<std::vector<int>> &down,
                               const std::vector<int> &layer);
};

} // namespace daybreak
