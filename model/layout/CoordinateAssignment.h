#pragma once

#include <vector>

namespace daybreak {

struct LayeredGraph;

// Vertical positions for an ordered layered graph. Each layer keeps its order and its spacing;
// within that, every vertex is pulled towards its neighbours in the adjacent layers, long edges
// (chains of dummies) hardest, so chains come out straight and a node sits level with what it
// reads. Each pull is a weighted least-squares fit under the order constraints, solved exactly
// per layer by isotonic regression (pool adjacent violators), alternating down and up sweeps.
class CoordinateAssignment
{
public:
    struct Spacing
    {
        double real = 58;  // a real node's row: its height and the gap below it
        double dummy = 18; // a long edge passing through a layer
    };
    // Centre y of every vertex, the topmost at extent / 2.
    static std::vector<double> compute(const LayeredGraph &graph, const Spacing &spacing,
                                       int sweeps = 16);
};

} // namespace daybreak
