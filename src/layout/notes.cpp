// layout/notes — notes and labels in the notes style (see notes.h). Each
// label class has a document of its own (`aside.notes > div.CLS`), so that
// a label has the ancestors the theme's selectors expect.
#include "layout/notes.h"

#include <utility>

#include "layout/layers.h"

namespace deckpdf::layout {

namespace {

constexpr float pt_per_px = 0.75f;

// Adds `aside.notes > div.CLS > text` under the root of `d`; returns the
// aside and, in `text_node`, the text.
dom::NodeId label_add(dom::Document& d, const std::string& cls, const std::string& text,
                      dom::NodeId* text_node = nullptr) {
  dom::Node aside;
  aside.tag = "aside";
  aside.classes = {"notes"};
  dom::NodeId a = d.add(std::move(aside), d.root);
  dom::Node div;
  div.tag = "div";
  div.classes = {cls};
  dom::NodeId dv = d.add(std::move(div), a);
  dom::Node t;
  t.kind = dom::NodeKind::Text;
  t.text = text;
  dom::NodeId tn = d.add(std::move(t), dv);
  if (text_node) *text_node = tn;
  return a;
}

}  // namespace

struct NotesLayout::Label {
  dom::Document doc;
  dom::NodeId aside = 0, text = 0;
  std::optional<style::Resolver> resolver;  // of `doc`
  style::ComputedStyle root;
  style::ComputedStyle line;  // the div's: a line()'s style
};

// One document holds every line, each under its own `aside.notes >
// div.CLS`, so that each has the ancestors it has alone.
struct NotesLayout::LabelsAhead {
  dom::Document doc;
  std::vector<dom::NodeId> asides;
  std::optional<style::Resolver> resolver;
  std::optional<Context> ctx;
  style::ComputedStyle root;
  std::vector<DisplayList> flows;
  size_t next = 0;
  std::unique_ptr<ParallelLayout> work;
};

NotesLayout::NotesLayout(const dom::Document& doc, const style::Theme& theme, text::Shaper& shaper,
                         Diagnostics& diags, std::string deck_dir)
    : shaper_(shaper),
      diags_(diags),
      theme_(theme),
      resolver_(theme_, doc, diags),
      ctx_{doc, resolver_, shaper, diags} {
  ctx_.deck_dir = std::move(deck_dir);
}

NotesLayout::~NotesLayout() = default;

void NotesLayout::notes_prefetch(const std::vector<dom::NodeId>& roots, float width_pt) {
  work_.reset();
  roots_ = roots;
  flows_.assign(roots.size(), {});
  next_ = 0;
  work_ = std::make_unique<ParallelLayout>(
      ctx_, roots_.size(), ParallelLayout::threads_for(roots_.size()),
      [this, width_pt](Context& c, size_t k) {
        flows_[k] = layout_flow(c, roots_[k], root_style(c, roots_[k]), width_pt / pt_per_px);
      });
}

style::ComputedStyle NotesLayout::root_style(Context& c, dom::NodeId root) const {
  style::ComputedStyle s = c.styles.compute(root, c.styles.root_style());
  s.display = style::Display::Block;
  if (size_px_ > 0 && s.font_size > 0) {
    // The line height (px, inherited as such) keeps its ratio to the size.
    s.line_height *= size_px_ / s.font_size;
    s.font_size = size_px_;
  }
  if (!family_.empty()) s.font_family = family_;
  return s;
}

DisplayList NotesLayout::notes_at(dom::NodeId root, float width_pt) {
  return layout_flow(ctx_, root, root_style(ctx_, root), width_pt / pt_per_px);
}

void NotesLayout::notes_box(float height_pt) {
  work_.reset();
  theme_.slide_height = height_pt / pt_per_px;
}

void NotesLayout::notes_style(float size_pt, const std::string& family) {
  work_.reset();
  size_px_ = size_pt / pt_per_px;
  family_ = family;
}

float NotesLayout::notes_size_pt(dom::NodeId root) {
  return root_style(ctx_, root).font_size * pt_per_px;
}

DisplayList NotesLayout::notes_next() {
  work_->take(next_);
  return std::move(flows_[next_++]);
}

NotesLayout::Label& NotesLayout::label_slot(const std::string& cls) {
  std::unique_ptr<Label>& slot = labels_[cls];
  if (!slot) {
    slot = std::make_unique<Label>();
    slot->aside = label_add(slot->doc, cls, "", &slot->text);
    slot->resolver.emplace(theme_, slot->doc, diags_);
    slot->root = slot->resolver->compute(slot->aside, slot->resolver->root_style());
    slot->root.display = style::Display::Block;
    dom::NodeId div = slot->doc[slot->text].parent;
    slot->line = slot->resolver->compute(div, slot->root);
  }
  return *slot;
}

std::optional<DisplayList> NotesLayout::line(const std::string& cls, const std::string& text,
                                             float* advance_pt) {
  // Right-to-left text needs the bidi algorithm of the inline layout:
  // Hebrew to N'Ko (U+0590..U+07FF), their presentation forms (U+FB1D..
  // U+FEFF), and the bidi marks and embeddings (U+200E, U+200F,
  // U+202A..U+202E, U+2066..U+2069).
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]);
    unsigned char b2 = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    bool rtl_letters = b0 >= 0xD6 && b0 <= 0xDF;
    bool presentation = b0 == 0xEF && b1 >= 0xAC && b1 <= 0xBB;
    bool marks =
        b0 == 0xE2 && ((b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) ||
                       (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9));
    if (rtl_letters || presentation || marks) return std::nullopt;
  }
  Label& label = label_slot(cls);
  const style::ComputedStyle& st = label.line;
  text::FontId font = shaper_.match(st.font_family, st.font_weight, st.italic);
  DisplayList list;
  list.background = {1, 1, 1, 0};
  float a = shaper_.ascent(font, st.font_size), d = shaper_.descent(font, st.font_size);
  float baseline = (st.line_height - (a + d)) / 2 + a;  // CSS's half-leading
  float x = 0;
  const std::vector<text::ShapedPart>& parts = shaper_.shape_text(font, st.font_size, text, false);
  list.items.reserve(parts.size());  // kept for the whole export: no slack
  for (const text::ShapedPart& part : parts) {
    Item it;
    it.x = x;
    it.y = baseline;
    it.v = TextItem{part.run, st.color, {}, {}};
    list.items.push_back(std::move(it));
    x += part.run->width;
  }
  list.width = x;
  list.height = st.line_height;
  list.bands.push_back({0, list.height});
  if (advance_pt) *advance_pt = x * pt_per_px;
  layers_group(list);
  return list;
}

DisplayList NotesLayout::label(const std::string& cls, const std::string& text, float width_pt) {
  Label& label = label_slot(cls);
  label.doc[label.text].text = text;
  Context ctx{label.doc, *label.resolver, shaper_, diags_};
  return layout_flow(ctx, label.aside, label.root, width_pt / pt_per_px);
}

void NotesLayout::labels_prefetch(const std::string& cls, const std::vector<std::string>& texts,
                                  float width_pt) {
  labels_ahead_.reset();
  labels_ahead_ = std::make_unique<LabelsAhead>();
  LabelsAhead& ahead = *labels_ahead_;
  for (const std::string& text : texts) ahead.asides.push_back(label_add(ahead.doc, cls, text));
  ahead.resolver.emplace(theme_, ahead.doc, diags_);
  ahead.ctx.emplace(Context{ahead.doc, *ahead.resolver, shaper_, diags_});
  ahead.flows.assign(texts.size(), {});
  if (!texts.empty()) {
    ahead.root = ahead.resolver->compute(ahead.asides[0], ahead.resolver->root_style());
    ahead.root.display = style::Display::Block;
  }
  ahead.work = std::make_unique<ParallelLayout>(
      *ahead.ctx, texts.size(), ParallelLayout::threads_for(texts.size()),
      [&ahead, width_pt](Context& c, size_t k) {
        ahead.flows[k] = layout_flow(c, ahead.asides[k], ahead.root, width_pt / pt_per_px);
      });
}

DisplayList NotesLayout::labels_next() {
  LabelsAhead& ahead = *labels_ahead_;
  ahead.work->take(ahead.next);
  return std::move(ahead.flows[ahead.next++]);
}

}  // namespace deckpdf::layout
