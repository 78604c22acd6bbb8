#pragma once

#include <vector>

namespace daybreak {

// The graph a layered layout works on: real nodes and the dummies that break long edges, with
// integer ids, edges between adjacent layers only. Shared by the ordering and coordinate steps.
struct LayeredGraph
{
    std::vector<int> layer;                 // per vertex
    std::vector<bool> dummy;                // per vertex
    std::vector<std::vector<int>> up, down; // neighbours in the previous / next layer
    std::vector<std::vector<int>> order;    // per layer, vertices top to bottom
    std::vector<int> pos;                   // index within its layer

    explicit LayeredGraph(int layerCount) : order(layerCount) {}
    int vertexCount() const { return int(layer.size()); }
    int layerCount() const { return int(order.size()); }
    int addVertex(int atLayer, bool isDummy);
    void addEdge(int from, int to); // `to` one layer right of `from`
    void renumber(int l);
    void renumberAll();

    // Crossings between layer l and l+1 (inversions of the lower endpoints, a Fenwick tree).
    long long crossingsBetween(int l) const;
    long long crossings() const;
    // Crossings of the edges drawn as straight lines between node centres at height `y` (every
    // layer one unit wide): an edge through dummies counts as the one straight line it is. Within
    // each gap between layers two lines cross when their order at the left and right ends
    // differs; lines meeting at a node do not cross.
    long long straightCrossings(const std::vector<double> &y) const;
};

} // namespace daybreak
