// fuzz_svg — SVG bytes through the subset interpreter: pugixml into an
// svg::Tree, then drawn into a box as display-list items, as an img or a
// background would be. Every path it makes must be well-formed (as many
// points as its operators take), and text items must carry runs. First
// byte: bit 0 small budgets (so that inputs reach them), bits 1-2 the box.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "layout/svg.h"
#include "layout/svg_box.h"
#include "text/shaper.h"

namespace {

deckpdf::text::Shaper& shaper() {
  static deckpdf::text::FontSet fonts;
  static deckpdf::text::Shaper s = [] {
    std::string error;
    if (!fonts.load_dir(DECKPDF_FUZZ_SOURCE_DIR "/fonts", error)) __builtin_trap();
    fonts.set_system_fallback(false);  // the same faces on every machine
    return deckpdf::text::Shaper(fonts);
  }();
  return s;
}

size_t points_for(const deckpdf::layout::PathData& p) {
  size_t n = 0;
  for (auto op : p.ops) {
    n += op == deckpdf::layout::PathData::Op::Cubic   ? 6
         : op == deckpdf::layout::PathData::Op::Close ? 0
                                                      : 2;
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace deckpdf::layout;
  if (size < 1) return 0;
  uint8_t flags = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  svg::Limits limits;
  if (flags & 1) {
    limits.max_elements = 64;
    limits.max_depth = 6;
    limits.max_segments = 200;
    limits.max_use_depth = 2;
    limits.max_instances = 100;
    limits.max_text_bytes = 64;
  }
  static const float boxes[4][2] = {{300, 150}, {1, 1}, {960, 700}, {0.01f, 5000}};
  const float* box = boxes[(flags >> 1) & 3];
  svg::Tree tree = svg::tree_from_xml(bytes, limits);
  if (tree.nodes.size() > limits.max_elements) __builtin_trap();
  (void)svg::intrinsic_size(tree);
  svg::Env env{shaper(), ".", "", "", limits};
  std::vector<Item> items;
  std::vector<std::string> problems;
  svg::draw(tree, box[0], box[1], env, items, problems);
  size_t segments = 0;
  for (const Item& it : items) {
    if (auto* p = std::get_if<PathItem>(&it.v)) {
      if (!p->path || !p->style || points_for(*p->path) != p->path->pts.size()) __builtin_trap();
      for (const auto& c : p->style->clips) {
        if (points_for(c->path) != c->path.pts.size()) __builtin_trap();
      }
      if (p->style->fill_gradient && p->style->fill_gradient->stops.empty()) __builtin_trap();
      segments += p->path->ops.size();
    } else if (auto* t = std::get_if<TextItem>(&it.v)) {
      if (!t->run) __builtin_trap();
    }
  }
  // Shapes count against the budget; glyph outlines too (never past it).
  if (segments > limits.max_segments + 16 * limits.max_instances) __builtin_trap();
  return 0;
}
