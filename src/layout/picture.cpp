// layout/picture — pictures as boxes: an `img` sized as CSS sizes a
// replaced element (or as .r-stretch asks), or a placeholder when its file
// cannot be shown, made an atomic inline for a line (inline.h) or a block;
// and a slide's background picture. Finding and decoding the files is
// image.h's.
#include <algorithm>
#include <cstdlib>
#include <optional>

#include "layout/engine.h"
#include "layout/image.h"
#include "layout/slide.h"
#include "layout/svg.h"
#include "layout/svg_box.h"

namespace deckpdf::layout {

using style::ComputedStyle;

namespace {

struct Size {
  float w = 0, h = 0;
};

// A picture `iw` x `ih` given a width, a height, both or neither: one of
// them alone keeps the aspect ratio, neither keeps the picture's own size.
Size size_keeping_ratio(float iw, float ih, std::optional<float> want_w,
                        std::optional<float> want_h) {
  if (want_w && want_h) return {*want_w, *want_h};
  if (want_w) return {*want_w, ih * *want_w / iw};
  if (want_h) return {iw * *want_h / ih, *want_h};
  return {iw, ih};
}

}  // namespace

// An `img`, scaled as CSS does: width/height attributes or styles, one
// of them keeping the aspect ratio, then max-width/max-height, drawn with
// its top-left corner at (0, 0). A picture that cannot be shown becomes a
// placeholder box naming it, with a warning at the `img`.
Extent Engine::picture_draw(dom::NodeId id, const ComputedStyle& s, int tag, float avail,
                            std::vector<Item>& out) {
  const dom::Node& n = ctx_.doc[id];
  // reveal.js loads `data-src` lazily, when the slide comes near: in a
  // PDF every slide is there, so it is the picture.
  const std::string* src = n.attr(n.tag == "object" ? "data" : "src");
  if (!src || src->empty()) {
    if (const std::string* lazy = n.attr("data-src")) src = lazy;
  }
  // An SVG is sized from its width and height, else from its viewBox's
  // proportions at the available width, else 300 x 150 as browsers do.
  std::string svg_problem;
  std::optional<VectorPicture> vec = vector_picture(ctx_, id, src, svg_problem);
  ImageInfo info;
  if (vec) {
    info.ok = vec->tree->ok();
    info.problem = svg_problem;
  } else {
    info =
        image_find(src ? *src : std::string(), ctx_.deck_dir, ctx_.asset_root, ctx_.pictures.get());
  }
  float iw = 320, ih = 180;  // a placeholder's size when nothing else is known
  if (vec && info.ok) {
    float ratio = vec->ratio.value_or(vec->width && vec->height ? *vec->width / *vec->height : 2);
    iw = vec->width.value_or(vec->height ? *vec->height * ratio : vec->ratio ? avail : 300);
    ih = vec->height.value_or(iw / ratio);
  } else if (info.ok) {
    iw = static_cast<float>(info.width);
    ih = static_cast<float>(info.height);
  } else {
    ctx_.diags.warning(n.span, "layout.image",
                       "image '" + (src ? *src : std::string()) + "' " + info.problem +
                           "; a placeholder is drawn");
  }
  // width="100%" is of the line's width, as HTML maps it to CSS; a height
  // in percent (of an auto height) is none.
  auto attr_px = [&](const char* name) -> std::optional<float> {
    const std::string* v = n.attr(name);
    if (!v) return std::nullopt;
    char* end = nullptr;
    float f = std::strtof(v->c_str(), &end);
    if (end == v->c_str() || f <= 0 || f > 100000) return std::nullopt;
    if (*end == '%') return name[0] == 'w' ? std::optional<float>(avail * f / 100) : std::nullopt;
    return f;
  };
  std::optional<float> want_w =
      s.width_pct ? std::optional<float>(avail * *s.width_pct / 100 + s.width_pct_px)
      : s.width   ? s.width
                  : attr_px("width");
  std::optional<float> want_h = s.height ? s.height : attr_px("height");
  // (`.stretch`: reveal.js 3's name, which reveal.js still reads.)
  bool stretchy = (n.has_class("r-stretch") || n.has_class("stretch")) && stretch_out_;
  if (stretchy && stretch_in_ && stretch_in_->count(id)) {
    want_h = stretch_in_->at(id);
    want_w.reset();
  }
  auto [w, h] = size_keeping_ratio(iw, ih, want_w, want_h);
  float max_w = std::min(
      avail, s.max_width_pct ? avail * *s.max_width_pct / 100 : s.max_width.value_or(avail));
  float slide_h = ctx_.styles.theme().slide_height;
  float max_h = s.max_height_pct ? slide_h * *s.max_height_pct / 100 : s.max_height.value_or(1e9f);
  float k = std::min({1.0f, max_w / std::max(w, 0.01f), max_h / std::max(h, 0.01f)});
  w *= k;
  h *= k;
  Item it;
  it.tag = tag;
  it.span = n.span;
  if (vec && info.ok) {
    vector_items(ctx_, *vec, it.x, it.y, w, h, tag, n.span, out);
  } else if (info.ok) {
    it.v = ImageItem{info.path, w, h, info.picture};
    out.push_back(it);
  } else {
    it.v = RectItem{w, h, {0.93f, 0.93f, 0.93f, 1}, 1.5f, {0.6f, 0.6f, 0.6f, 1}};
    out.push_back(it);
    const std::string* alt = n.attr("alt");
    std::string label = alt && !alt->empty() ? *alt : src ? *src : std::string("image");
    if (label.size() > 80) label = label.substr(0, 77) + "...";
    float size = std::clamp(h / 6, 8.0f, 24.0f);
    text::FontId font = font_for(s);
    auto run = ctx_.shaper.shape(font, size, label);
    float scale = run->width > w - 8 ? (w - 8) / run->width : 1;
    auto fitted = scale < 1 ? ctx_.shaper.shape(font, size * scale, label) : run;
    Item t;
    t.x = (w - fitted->width) / 2;
    t.y = h / 2 + fitted->size * 0.35f;
    t.v = TextItem{fitted, {0.4f, 0.4f, 0.4f, 1}, {}};
    t.tag = tag;
    t.span = n.span;
    out.push_back(t);
  }
  if (stretchy && stretch_out_->empty()) (*stretch_out_)[id] = h;
  return {h, w};
}

// A picture on a line of its own (`display: block`, or `.r-stretch`, which
// reveal.js sizes as a block), placed by the parent's text-align.
Extent Engine::picture(dom::NodeId id, const ComputedStyle& s, int tag, float x, float y,
                       float avail, std::vector<Item>& out, style::TextAlign align) {
  std::vector<Item> items;
  Extent e = picture_draw(id, s, tag, avail, items);
  float offset = align == style::TextAlign::Center  ? (avail - e.used_width) / 2
                 : align == style::TextAlign::Right ? avail - e.used_width
                                                    : 0;
  offset = std::max(0.0f, offset);
  for (Item& it : items) {
    it.x += x + offset;
    it.y += y;
    out.push_back(std::move(it));
  }
  if (bands_) bands_->push_back({y, y + e.height});
  return {e.height, offset + e.used_width};
}

// An `img` as HTML has it, an atomic inline: its margin box stands on the
// baseline of the line it is on, beside the text and pictures around it.
std::shared_ptr<const Atomic> Engine::picture_inline(dom::NodeId id, const ComputedStyle& s,
                                                     int tag, float avail) {
  auto a = std::make_shared<Atomic>();
  Extent e =
      picture_draw(id, s, tag, std::max(0.0f, avail - s.margin.left - s.margin.right), a->items);
  for (Item& it : a->items) {
    it.x += s.margin.left;
    it.y += s.margin.top;
  }
  a->width = s.margin.left + e.used_width + s.margin.right;
  a->height = s.margin.top + e.height + s.margin.bottom;
  return a;
}

// reveal.js's data-background-image, with data-background-size (cover,
// contain, or CSS lengths) and data-background-position (keywords or
// percentages), drawn under everything and clipped to the slide. Items are
// in content space (the list's scale and offset apply), so the picture's
// box is mapped back through them.
void background_image(Context& ctx, const deck::Slide& slide, DisplayList& list,
                      std::vector<Item>& items) {
  const dom::Node& section = ctx.doc[slide.section];
  const std::string* src = section.attr("data-background-image");
  if (!src) {
    const std::string* bg = section.attr("data-background");
    if (bg && !style::parse_color(*bg)) src = bg;
  }
  if (!src || src->empty()) return;
  std::string svg_problem;
  std::optional<VectorPicture> vec = vector_picture(ctx, slide.section, src, svg_problem);
  ImageInfo info;
  if (vec) {
    info.ok = vec->tree->ok();
    info.problem = svg_problem;
    float ratio = vec->ratio.value_or(16.0f / 9);
    info.width = static_cast<uint32_t>(vec->width.value_or(list.width));
    info.height =
        static_cast<uint32_t>(vec->height.value_or(static_cast<float>(info.width) / ratio));
  } else {
    info = image_find(*src, ctx.deck_dir, ctx.asset_root, ctx.pictures.get());
  }
  if (info.ok && (info.width == 0 || info.height == 0)) {
    info.ok = false;  // an SVG smaller than a pixel
    info.problem = "is smaller than a pixel";
  }
  if (!info.ok) {
    ctx.diags.warning(section.span, "layout.image",
                      "background image '" + *src + "' " + info.problem + "; it is left out");
    return;
  }
  float iw = static_cast<float>(info.width), ih = static_cast<float>(info.height);
  float w = list.width, h = list.height;
  std::string size = "cover";
  if (const std::string* v = section.attr("data-background-size")) size = *v;
  if (size == "cover" || size == "contain") {
    float k = size == "cover" ? std::max(w / iw, h / ih) : std::min(w / iw, h / ih);
    w = iw * k;
    h = ih * k;
  } else {
    std::vector<std::string> parts;
    std::string cur;
    for (char c : size + " ") {
      if (c == ' ') {
        if (!cur.empty()) parts.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    auto length = [&](const std::string& v, float whole) -> std::optional<float> {
      char* end = nullptr;
      float f = std::strtof(v.c_str(), &end);
      if (end == v.c_str()) return std::nullopt;
      if (std::string(end) == "%") return whole * f / 100;
      return f;
    };
    auto pw = parts.size() > 0 ? length(parts[0], list.width) : std::nullopt;
    auto ph = parts.size() > 1 ? length(parts[1], list.height) : std::nullopt;
    // A height alone ("auto 50%") is not read: the picture keeps its size.
    Size sz = size_keeping_ratio(iw, ih, pw, pw ? ph : std::nullopt);
    w = sz.w;
    h = sz.h;
  }
  float fx = 0.5f, fy = 0.5f;  // background-position as fractions
  if (const std::string* pos = section.attr("data-background-position")) {
    if (pos->find("left") != std::string::npos) fx = 0;
    if (pos->find("right") != std::string::npos) fx = 1;
    if (pos->find("top") != std::string::npos) fy = 0;
    if (pos->find("bottom") != std::string::npos) fy = 1;
  }
  float x = (list.width - w) * fx, y = (list.height - h) * fy;
  if (vec) {
    std::vector<Item> drawn;
    vector_items(ctx, *vec, (x - list.dx) / list.scale, (y - list.dy) / list.scale, w / list.scale,
                 h / list.scale, 0, section.span, drawn);
    items.insert(items.begin(), std::make_move_iterator(drawn.begin()),
                 std::make_move_iterator(drawn.end()));
    return;
  }
  Item it;
  it.x = (x - list.dx) / list.scale;
  it.y = (y - list.dy) / list.scale;
  it.v = ImageItem{info.path, w / list.scale, h / list.scale, info.picture};
  it.span = section.span;
  items.insert(items.begin(), std::move(it));
}

}  // namespace deckpdf::layout
