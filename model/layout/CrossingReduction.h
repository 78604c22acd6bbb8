#pragma once

namespace daybreak {

struct LayeredGraph;

// Orders the vertices of each layer to cut edge crossings, as the best layered layouts do: a
// depth-first and a breadth-first initial order (so connected nodes start near each other), then
// sweeps that sort each layer by the weighted median of its neighbours in the layer just fixed,
// each followed by transposition (swapping neighbours in a layer while that removes crossings). The
// best order seen is kept.
class CrossingReduction
{
public:
    struct Result
    {
        long long initial = 0; // crossings of the depth-first order
        long long final = 0;
    };
    static Result run(LayeredGraph &graph, int maxIterations);
    // Sifting (Matuszewski et al.): each node in turn, most connected first, moves to the place in
    // its layer where it crosses least; then transposition. Returns the crossings after it.
    static long long sift(LayeredGraph &graph);
    static bool siftingAffordable(const LayeredGraph &graph);

    // The steps, for a caller that judges the candidates itself (GraphLayout, by straight lines).
    static void depthFirstOrder(LayeredGraph &graph);
    static void breadthFirstOrder(LayeredGraph &graph);
    // Median sweeps and transposition from the current order; keeps the best; returns its count.
    static long long refine(LayeredGraph &graph, int maxIterations);
};

} // namespace daybreak
