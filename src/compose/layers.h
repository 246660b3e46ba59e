// compose/layers — which layers of a placed list a page shows, and in
// which state: a layer shows from its step until its hide step
// (layout::Layer::visible_at), and its fragment effects that are on at
// the page's step (Effect::active) dim, recolour, strike or scale it.
// The pdf stage writes what it is given.
#pragma once

#include <vector>

#include "compose/page.h"

namespace deckpdf::compose {

// The layers of `list` visible at `step`, in the list's order (what was
// drawn first stays underneath), each in its state at that step.
std::vector<ShownLayer> layers_shown(const layout::DisplayList& list, int step);

// Sets Placement::layers of every placement of `pages`; the last thing a
// compose_* function does, once every list it places is complete.
void layers_show(std::vector<Page>& pages);

}  // namespace deckpdf::compose
