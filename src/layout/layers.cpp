// layout/layers — grouping a list's items into layers.
#include "layout/layers.h"

#include <map>
#include <tuple>

namespace deckpdf::layout {

void layers_group(DisplayList& list) {
  list.layers.clear();
  std::map<std::tuple<int, int, int>, size_t> index;  // (step, until, effects) -> layer
  size_t last = 0;
  for (size_t i = 0; i < list.items.size(); ++i) {
    const Item& item = list.items[i];
    // Neighbouring items nearly always share a layer: try the last one.
    if (!list.layers.empty()) {
      Layer& l = list.layers[last];
      if (l.step == item.step && l.until == item.until && l.effects == item.effects) {
        l.items.push_back(static_cast<uint32_t>(i));
        continue;
      }
    }
    auto [at, added] =
        index.try_emplace(std::make_tuple(item.step, item.until, item.effects), list.layers.size());
    if (added) list.layers.push_back({item.step, item.until, item.effects, {}});
    last = at->second;
    list.layers[last].items.push_back(static_cast<uint32_t>(i));
  }
}

}  // namespace deckpdf::layout
