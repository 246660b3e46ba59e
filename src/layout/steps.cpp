// layout/steps — fragment tags: what each fragment and link adds to the tag
// of its parent while a slide is laid out, and how the tags become the
// DisplayList's steps, effect sets and link items when it is done.
#include "layout/steps.h"

#include <algorithm>
#include <cmath>

#include "layout/engine.h"
#include "layout/roles.h"

namespace deckpdf::layout {

static_assert(never == deck::never_step);

// A fragment, a link or an element with CSS `opacity` starts a new tag
// from its parent's; anything else shares its parent's. In a flow (no
// slide: notes) fragments make none. An opacity is an effect on every
// step: its items make layers of their own, each drawn as a transparency
// group (as a dimmed fragment is), and nested opacities multiply.
int Engine::tag_for(dom::NodeId id, const style::ComputedStyle& s, int parent_tag) {
  const deck::Fragment* f = slide_ ? slide_->fragment_of(id) : nullptr;
  const dom::Node& n = ctx_.doc[id];
  const std::string* href = n.tag == "a" ? n.attr("href") : nullptr;
  // Tagged: an element with a role, or a child of the slide (its reading
  // order, roles.h), names the content under it.
  bool role = ctx_.tagged && (role_of(n) != Role::None || (slide_ && n.parent == slide_->section));
  if (!f && (!href || href->empty()) && s.opacity >= 1 && !role) return parent_tag;
  Tag t = tags_.list[static_cast<size_t>(parent_tag)];
  if (role) t.node = id;
  if (f) fragment_apply(*f, t, tags_.scale_boxes);
  if (href && !href->empty()) t.href = *href;
  if (s.opacity < 1) {
    Effect e;
    e.kind = Effect::Kind::Opacity;
    e.alpha = s.opacity;
    t.effects.push_back(e);
    t.boxes.push_back(-1);
  }
  tags_.list.push_back(std::move(t));
  return static_cast<int>(tags_.list.size() - 1);
}

int Engine::tag_with(int tag, const std::vector<Effect>& effects) {
  if (effects.empty()) return tag;
  Tag t = tags_.list[static_cast<size_t>(tag)];
  for (const Effect& e : effects) {
    t.effects.push_back(e);
    t.boxes.push_back(-1);
  }
  tags_.list.push_back(std::move(t));
  return static_cast<int>(tags_.list.size() - 1);
}

void fragment_apply(const deck::Fragment& f, Tag& t, int& scale_boxes) {
  using FS = deck::FragmentStyle;
  int k = f.step;
  int next = k == never ? never : k + 1;
  auto effect = [&](Effect::Kind kind, int from, int until) {
    Effect e;
    e.kind = kind;
    e.from = from;
    e.until = until;
    if (kind == Effect::Kind::Color) {
      // reveal.css: .highlight-red #ff2c2d, -green #17ff2e, -blue #1b91ff.
      e.color = f.highlight == "green"  ? Color{0x17 / 255.0f, 0xff / 255.0f, 0x2e / 255.0f, 1}
                : f.highlight == "blue" ? Color{0x1b / 255.0f, 0x91 / 255.0f, 0xff / 255.0f, 1}
                                        : Color{0xff / 255.0f, 0x2c / 255.0f, 0x2d / 255.0f, 1};
    }
    if (kind == Effect::Kind::Scale) e.scale = f.style == FS::Grow ? 1.3f : 0.7f;
    t.effects.push_back(e);
    // The centre of a scaled fragment is its content's box, known later.
    t.boxes.push_back(kind == Effect::Kind::Scale ? scale_boxes++ : -1);
  };
  switch (f.style) {
    case FS::Appear: t.step = std::max(t.step, k); break;
    case FS::FadeOut: t.until = std::min(t.until, k); break;
    case FS::FadeInThenOut:
      t.step = std::max(t.step, k);
      t.until = std::min(t.until, next);
      break;
    case FS::SemiFadeOut: effect(Effect::Kind::Dim, k, never); break;
    case FS::FadeInThenSemiOut:
      t.step = std::max(t.step, k);
      effect(Effect::Kind::Dim, next, never);
      break;
    case FS::Highlight: effect(Effect::Kind::Color, k, never); break;
    case FS::HighlightCurrent: effect(Effect::Kind::Color, k, next); break;
    case FS::Strike: effect(Effect::Kind::Strike, k, never); break;
    case FS::Grow:
    case FS::Shrink: effect(Effect::Kind::Scale, k, never); break;
  }
}

namespace {

// A bounding box, empty until something is added.
struct Box {
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  void add(float ax, float ay, float bx, float by) {
    x0 = std::min(x0, std::min(ax, bx));
    y0 = std::min(y0, std::min(ay, by));
    x1 = std::max(x1, std::max(ax, bx));
    y1 = std::max(y1, std::max(ay, by));
  }
};

// A text item's box: its advance, from its fonts' ascent to descent.
void text_box(text::Shaper& shaper, const Item& it, const TextItem& t, Box& b) {
  float top = -shaper.ascent(t.run->font, t.run->size);
  float bottom = shaper.descent(t.run->font, t.run->size);
  if (!t.frame) {
    b.add(it.x, it.y + top, it.x + t.run->width, it.y + bottom);
    return;
  }
  // SVG text in a frame: the box of its turned corners.
  const Matrix& m = t.frame->matrix;
  for (float x : {0.0f, t.run->width}) {
    for (float y : {top, bottom}) {
      float px = it.x + m[0] * x + m[2] * y + m[4], py = it.y + m[1] * x + m[3] * y + m[5];
      b.add(px, py, px, py);
    }
  }
}

// The box of each scaled fragment's content: what it grows or shrinks about.
std::vector<Box> scale_boxes_measure(text::Shaper& shaper, const Tags& tags,
                                     const std::vector<Item>& items) {
  std::vector<Box> boxes(static_cast<size_t>(tags.scale_boxes));
  if (tags.scale_boxes == 0) return boxes;
  for (const Item& it : items) {
    const Tag& tag = tags.list[static_cast<size_t>(it.tag)];
    for (int bi : tag.boxes) {
      if (bi < 0) continue;
      Box& b = boxes[static_cast<size_t>(bi)];
      if (auto* t = std::get_if<TextItem>(&it.v))
        text_box(shaper, it, *t, b);
      else if (auto* r = std::get_if<RectItem>(&it.v))
        b.add(it.x, it.y, it.x + r->width, it.y + r->height);
      else if (auto* l = std::get_if<LineItem>(&it.v))
        b.add(it.x, it.y, l->x2, l->y2);
      else if (auto* m = std::get_if<MarkerItem>(&it.v)) {
        b.add(it.x - m->size / 2, it.y - m->size / 2, it.x + m->size / 2, it.y + m->size / 2);
      }
    }
  }
  return boxes;
}

// Per tag, the index of its effect set in list.effects (added there when
// new; tags with the same effects share a set, and so a layer).
std::vector<int> effect_sets(const Tags& tags, const std::vector<Box>& boxes, DisplayList& list) {
  std::vector<int> set_of(tags.list.size(), 0);
  for (size_t t = 0; t < tags.list.size(); ++t) {
    const Tag& tag = tags.list[t];
    if (tag.effects.empty()) continue;
    std::vector<Effect> fx = tag.effects;
    for (size_t e = 0; e < fx.size(); ++e) {
      if (tag.boxes[e] < 0) continue;
      const Box& b = boxes[static_cast<size_t>(tag.boxes[e])];
      if (b.x1 >= b.x0) {
        fx[e].cx = (b.x0 + b.x1) / 2;
        fx[e].cy = (b.y0 + b.y1) / 2;
      }
    }
    auto same = std::find(list.effects.begin(), list.effects.end(), fx);
    set_of[t] = static_cast<int>(same - list.effects.begin());
    if (same == list.effects.end()) list.effects.push_back(std::move(fx));
  }
  return set_of;
}

// A link over the text item `it` (box `b`) to `href`. Runs of one link on
// one line make one rectangle.
void link_add(std::vector<Item>& links, const Item& it, const Box& b, const std::string& href) {
  if (!links.empty()) {
    Item& prev = links.back();
    auto& pl = std::get<LinkItem>(prev.v);
    if (pl.href == href && prev.step == it.step && prev.until == it.until &&
        std::fabs(prev.x + pl.width - b.x0) < 1 &&
        std::fabs(prev.y - b.y0) < 0.5f * (b.y1 - b.y0)) {
      float top = std::min(prev.y, b.y0), bottom = std::max(prev.y + pl.height, b.y1);
      pl.width = b.x1 - prev.x;
      prev.y = top;
      pl.height = bottom - top;
      return;
    }
  }
  Item link;
  link.x = b.x0;
  link.y = b.y0;
  link.v = LinkItem{b.x1 - b.x0, b.y1 - b.y0, href};
  link.step = it.step;
  link.until = it.until;
  link.effects = it.effects;
  link.span = it.span;
  links.push_back(std::move(link));
}

}  // namespace

void tags_resolve(Context& ctx, const Tags& tags, std::vector<Item>& items, DisplayList& list,
                  dom::NodeId root) {
  std::vector<int> set_of = effect_sets(tags, scale_boxes_measure(ctx.shaper, tags, items), list);
  std::vector<Item> links;
  std::vector<dom::NodeId> nodes, link_nodes;  // --tagged: each item's element with a role
  std::vector<bool> labels;                    // and whether it is a list item's marker
  if (ctx.tagged) nodes.reserve(items.size());
  for (Item& it : items) {
    size_t t = static_cast<size_t>(it.tag);
    const Tag& tag = tags.list[t];
    if (ctx.tagged) nodes.push_back(tag.node), labels.push_back(tag.label);
    it.tag = 0;
    it.step = tag.step;
    it.until = tag.until;
    it.effects = set_of[t];
    if (tag.href.empty()) continue;
    // Text and pictures inside a link are what a reader clicks.
    Box b;
    if (auto* text = std::get_if<TextItem>(&it.v)) {
      text_box(ctx.shaper, it, *text, b);
    } else if (auto* im = std::get_if<ImageItem>(&it.v)) {
      b.add(it.x, it.y, it.x + im->width, it.y + im->height);
    } else {
      continue;
    }
    size_t before = links.size();
    link_add(links, it, b, tag.href);
    if (ctx.tagged && links.size() > before) link_nodes.push_back(tag.node);
  }
  items.insert(items.end(), std::make_move_iterator(links.begin()),
               std::make_move_iterator(links.end()));
  if (ctx.tagged) {
    nodes.insert(nodes.end(), link_nodes.begin(), link_nodes.end());
    list.structure = roles_resolve(ctx, root, nodes, labels, items);
  }
}

}  // namespace deckpdf::layout
