#pragma once

#include <vector>

namespace daybreak {

// Gansner et al.'s network simplex for layering ("A technique for drawing directed graphs",
// 1993, section 2): given a feasible layering of one connected acyclic graph (every edge spans at
// least one layer), moves to a layering with the least total edge span, by exchanging edges of a
// tight spanning tree while one has a negative cut value. `maxIterations` bounds the time on very
// large graphs; every intermediate layering is feasible, so stopping early is safe.
class NetworkSimplex
{
public:
    // Edges as (tail, head) over vertices 0..n-1; `layer` is improved in place.
    static void improve(int n, const std::vector<std::pair<int, int>> &edges,
                        std::vector<int> &layer, long long maxIterations);
};

} // namespace daybreak
