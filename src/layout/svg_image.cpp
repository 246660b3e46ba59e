// layout/svg_image — `image` inside an SVG: PNG and JPEG files and other
// SVG files, found as `img` finds them (inside the deck's folder, relative
// to the SVG's own folder), placed in their box by a scale and a move (a
// rotated or flipped image is not drawn). An SVG image is drawn by an
// interpreter of its own, at most two levels deep and never inside itself
// (svg_external.cpp), and its items moved into this SVG's space under its
// clips and opacity, clipped to its box.
#include <cmath>

#include "layout/image.h"
#include "layout/svg_draw.h"
#include "layout/svg_geometry.h"

namespace deckpdf::layout::svg {

// A PNG or JPEG inside the deck's folder, placed as preserveAspectRatio
// asks, or an SVG (svg_image); rotated or skewed ones are not drawn.
void Drawer::image(uint32_t id, const State& s) {
  const Node& n = tree_.nodes[id];
  const std::string* href = n.attr("href");
  if (!href) href = n.attr("xlink:href");
  if (!href || !s.visible) return;
  if (std::fabs(s.ctm[1]) > 1e-4f || std::fabs(s.ctm[2]) > 1e-4f || s.ctm[0] <= 0 ||
      s.ctm[3] <= 0) {
    lack("rotated or flipped images");
    return;
  }
  bool relative = !href->empty() && (*href)[0] != '/' && href->find(':') == std::string::npos;
  if (is_svg_source(*href)) {
    svg_image(n, s, relative ? env_.base + *href : *href, *href);
    return;
  }
  ImageInfo info = image_find(relative ? env_.base + *href : *href, env_.deck_dir, env_.asset_root);
  if (!info.ok) {
    problem("image '" + *href + "' " + info.problem + "; it is left out");
    return;
  }
  float x = length(n.attr("x"), 0, s, 0), y = length(n.attr("y"), 1, s, 0);
  float w = length(n.attr("width"), 0, s, static_cast<float>(info.width));
  float h = length(n.attr("height"), 1, s, static_cast<float>(info.height));
  if (w <= 0 || h <= 0) return;
  State place = s;
  Node box;
  box.attrs.emplace_back("viewbox",
                         "0 0 " + std::to_string(info.width) + " " + std::to_string(info.height));
  if (const std::string* par = n.attr("preserveaspectratio")) {
    box.attrs.emplace_back("preserveaspectratio", *par);
  }
  viewport(box, place, x, y, w, h);
  const Matrix& m = place.ctm;
  Item it;
  it.x = m[4];
  it.y = m[5];
  it.v = ImageItem{info.path, m[0] * static_cast<float>(info.width),
                   m[3] * static_cast<float>(info.height), info.picture};
  out_.push_back(std::move(it));
}

void Drawer::svg_image(const Node& n, const State& s, const std::string& src,
                       const std::string& href) {
  if (env_.depth >= 2) {
    lack("SVG images nested more than two deep");
    return;
  }
  Env inner = inner_env();
  std::string why;
  Tree tree = load(src, inner, why);
  if (!tree.ok()) {
    problem("image '" + href + "' " + why);
    return;
  }
  if (draws_itself(inner, "image '" + href + "'")) return;
  Intrinsic size = intrinsic_size(tree);
  float x = length(n.attr("x"), 0, s, 0), y = length(n.attr("y"), 1, s, 0);
  float w = length(n.attr("width"), 0, s, size.width.value_or(s.vw));
  float h = length(n.attr("height"), 1, s, size.height.value_or(s.vh));
  // The box in this SVG's item space: a scale and a move (checked by image()).
  const Matrix& m = s.ctm;
  float bx = m[0] * x + m[4], by = m[3] * y + m[5], bw = m[0] * w, bh = m[3] * h;
  if (!(bw > 0 && bh > 0 && bw < 1e6f && bh < 1e6f)) return;
  std::vector<Item> items;
  std::vector<std::string> problems;
  draw(tree, bw, bh, inner, items, problems);
  for (const std::string& p : problems) problem("image '" + href + "' " + p);
  // This SVG's clips, moved into the space of the items, which sit at (bx, by).
  std::vector<std::shared_ptr<const ClipPath>> clips;
  for (const auto& c : s.clips) {
    auto moved = std::make_shared<ClipPath>(*c);
    moved->path = transformed(c->path, Matrix{1, 0, 0, 1, -bx, -by});
    clips.push_back(std::move(moved));
  }
  // And the image's own box, which a browser clips its picture to.
  auto own = std::make_shared<ClipPath>();
  rect_path(own->path, 0, 0, bw, bh, 0, 0);
  clips.push_back(std::move(own));
  for (Item& it : items) {
    it.x += bx;
    it.y += by;
    if (auto* p = std::get_if<PathItem>(&it.v)) {
      auto style = std::make_shared<PathStyle>(*p->style);
      style->opacity *= s.opacity;
      style->clips.insert(style->clips.begin(), clips.begin(), clips.end());
      p->style = std::move(style);
    } else if (auto* t = std::get_if<TextItem>(&it.v)) {
      // Text in a frame too, its place in the frame's matrix, so that the
      // clips stay where the paths' are.
      auto frame =
          t->frame ? std::make_shared<TextFrame>(*t->frame) : std::make_shared<TextFrame>();
      if (!t->frame) {
        frame->matrix = {1, 0, 0, 1, it.x - bx, it.y - by};
        it.x = bx;
        it.y = by;
      }
      frame->opacity *= s.opacity;
      frame->clips.insert(frame->clips.begin(), clips.begin(), clips.end());
      t->frame = std::move(frame);
    }
    out_.push_back(std::move(it));
  }
}

}  // namespace deckpdf::layout::svg
