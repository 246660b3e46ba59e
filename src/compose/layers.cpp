// compose/layers — the layers a page shows, in their state at its step.
#include "compose/layers.h"

namespace deckpdf::compose {

std::vector<ShownLayer> layers_shown(const layout::DisplayList& list, int step) {
  std::vector<ShownLayer> out;
  for (size_t l = 0; l < list.layers.size(); ++l) {
    const layout::Layer& layer = list.layers[l];
    if (!layer.visible_at(step)) continue;
    ShownLayer shown;
    shown.layer = static_cast<int>(l);
    const std::vector<layout::Effect>& effects = list.effects[static_cast<size_t>(layer.effects)];
    for (size_t i = 0; i < effects.size() && i < 32; ++i) {
      const layout::Effect& e = effects[i];
      if (!e.active(step)) continue;
      if (e.kind == layout::Effect::Kind::Dim)
        shown.alpha *= 0.5f;
      else if (e.kind == layout::Effect::Kind::Opacity)
        shown.alpha *= e.alpha;
      else if (e.kind == layout::Effect::Kind::Scale)
        shown.scales |= 1u << i;
      else
        shown.active |= 1u << i;  // colour and strike change what is drawn
    }
    out.push_back(shown);
  }
  return out;
}

void layers_show(std::vector<Page>& pages) {
  for (Page& page : pages) {
    for (Placement& pl : page.placed) pl.layers = layers_shown(*pl.list, pl.step);
  }
}

}  // namespace deckpdf::compose
