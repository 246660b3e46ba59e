// layout/svg_draw — the interpreter's internals (svg.cpp, svg_paint.cpp,
// svg_image.cpp, svg_external.cpp, svg_marker.cpp, svg_text.cpp, svg_label.cpp):
// the inherited state and the Drawer that walks the tree.
#pragma once

#include <array>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/svg.h"
#include "layout/svg_style.h"

namespace deckpdf::layout::svg {

struct Paint {
  enum class Kind { None, Color, Current, Url } kind = Kind::None;
  Color color;
  std::string url;  // Url: the id it names
  std::optional<Color> fallback;
};

// What an element hands its children (the inherited properties), plus
// what accumulates down the tree: the transform, the group opacity and
// the clips.
struct State {
  Matrix ctm = identity_matrix;
  Paint fill{Paint::Kind::Color, {0, 0, 0, 1}, {}, {}};
  Paint stroke;
  float fill_opacity = 1, stroke_opacity = 1, stroke_width = 1, miter = 4, dash_offset = 0;
  bool even_odd = false, clip_even_odd = false;
  PathStyle::Join join = PathStyle::Join::Miter;
  PathStyle::Cap cap = PathStyle::Cap::Butt;
  std::vector<float> dashes;
  Color color{0, 0, 0, 1};
  float font_size = 16;
  std::string font_family = "sans-serif";
  int font_weight = 400;
  bool italic = false;
  int anchor = 0;      // text-anchor: 0 start, 1 middle, 2 end
  float baseline = 0;  // dominant-baseline as a fraction of the font size, down
  bool visible = true;
  float opacity = 1;
  std::vector<std::shared_ptr<const ClipPath>> clips;
  std::string markers[3];    // ids of marker-start, -mid, -end; "" for none
  float vw = 300, vh = 150;  // the viewport, for percentages
};

class Drawer {
 public:
  Drawer(const Tree& tree, Env& env, std::vector<Item>& out, std::vector<std::string>& problems);
  void run(float width, float height);

 private:
  // svg.cpp
  void element(uint32_t id, const State& parent, int use_depth);
  void children(uint32_t id, const State& s, int use_depth);
  bool apply(uint32_t id, const State& parent, State& s);
  void shape(uint32_t id, const State& s);
  bool geometry(const Node& n, const State& s, PathData& out);
  void use(uint32_t id, const State& s, int use_depth);
  void use_target(uint32_t tid, const Node& n, const State& s, int use_depth);
  void viewport(const Node& n, State& s, float x, float y, float w, float h);
  float length(const std::string* v, int axis, const State& s, float fallback) const;
  const Node* target(const Node& n) const;  // what href="#id" names
  void lack(const std::string& what) { lacks_.insert(what); }
  void problem(const std::string& p);

  // svg_paint.cpp
  bool paint_for(const Paint& p, float opacity, const std::array<float, 4>& bbox, const State& s,
                 std::optional<Color>& color, std::shared_ptr<const Gradient>& gradient);
  std::shared_ptr<const Gradient> gradient(const Node& g, const std::array<float, 4>& bbox,
                                           const State& s);
  std::shared_ptr<const ClipPath> clip(const Node& cp, const std::array<float, 4>& bbox,
                                       const State& s);

  // svg_image.cpp
  void image(uint32_t id, const State& s);
  void svg_image(const Node& n, const State& s, const std::string& src, const std::string& href);

  // svg_external.cpp
  Env inner_env() const;
  bool draws_itself(const Env& inner, const std::string& what);
  void external_use(const Node& n, const State& s, const std::string& href, int use_depth);

  // svg_marker.cpp
  void markers(const PathData& p, const State& s);

  // svg_text.cpp
  void text(uint32_t id, const State& s);
  Item text_item(std::shared_ptr<const text::GlyphRun> run, Color fill, const State& st,
                 const Matrix& m);

  // svg_label.cpp
  void foreign_text(uint32_t id, const State& s);

  const Tree& tree_;
  Env& env_;
  std::vector<Item>& out_;
  std::vector<std::string>& problems_;
  std::unordered_map<std::string, uint32_t> ids_;
  StyleSheet sheet_;
  std::vector<uint32_t> path_;  // the ancestors of the element being drawn
  std::set<std::string> lacks_;
  std::unordered_map<std::string, std::shared_ptr<const Gradient>> user_gradients_;
  size_t segments_left_ = 0, instances_left_ = 0;
  bool stopped_ = false;
  int marker_depth_ = 0;  // markers drawn inside markers
  // Other SVG files that `use` names, each read and indexed once per
  // drawing (svg_external.cpp).
  struct External;
  std::unordered_map<std::string, std::shared_ptr<External>> external_;
};

// svg_text.cpp: the font family list for a family an SVG names (falling
// back to sans-serif, or monospace for a monospace-looking name); the map
// from a run's space to list space for text drawn under `m` (of length
// scale `scale`) from (px, py).
std::string family_for(const std::string& family);
Matrix run_matrix(const Matrix& m, float scale, float px, float py);

// A length as SVG writes it ("12", "12px", "3mm", "50%", "1.5em") in px;
// `percent_of` is what 100% is, `em` the font size.
std::optional<float> parse_length(std::string_view v, float percent_of, float em);

}  // namespace deckpdf::layout::svg
