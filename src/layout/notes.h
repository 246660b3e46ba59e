// layout/notes — speaker notes and deckpdf's own lines (a page's footer, a
// "continued" caption, a script's headings) laid out in the notes style
// (layouts/notes.css, apart from the slide theme), for handouts and the
// speaker's script. Compose asks for flows of a width and places them; it
// never sees styles or fonts.
//
// Widths are in pt (the page's unit), the flows in px, as every display
// list (0.75 pt per px).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/layout.h"
#include "layout/parallel.h"

namespace deckpdf::layout {

class NotesLayout {
 public:
  // Notes in `doc` in `theme`; pictures in notes are looked up in deck_dir.
  NotesLayout(const dom::Document& doc, const style::Theme& theme, text::Shaper& shaper,
              Diagnostics& diags, std::string deck_dir = ".");
  ~NotesLayout();
  NotesLayout(const NotesLayout&) = delete;
  NotesLayout& operator=(const NotesLayout&) = delete;

  // Lays out the notes under each of `roots` (a slide's Slide::notes)
  // `width_pt` wide on every core, ahead of the pass that places them;
  // that pass takes them with notes_next(), in order, where it would have
  // laid each out, and gets what laying them out one by one there gives
  // (layout/parallel.h). A new prefetch ends the one before.
  void notes_prefetch(const std::vector<dom::NodeId>& roots, float width_pt);
  DisplayList notes_next();
  // The notes under `root` laid out `width_pt` wide, here and now (a
  // second try at another width: notes set smaller to fit their box).
  DisplayList notes_at(dom::NodeId root, float width_pt);

  // The notes' text size (pt; 0: the style's) and face ("": the style's)
  // from now on, over layouts/notes.css's: a handout layout's or
  // --notes-size. Labels keep theirs.
  void notes_style(float size_pt, const std::string& family);
  // The height of the box notes are placed in (pt), from now on: a
  // picture in notes is fitted to it (notes.css's max-height in %).
  void notes_box(float height_pt);
  // The size the notes under `root` are set in, pt.
  float notes_size_pt(dom::NodeId root);
  // --tagged: notes flows carry their structure (roles.h); labels never.
  void notes_tagged(bool on) { ctx_.tagged = on; }
  // The document the notes are in.
  const dom::Document& document() const { return ctx_.doc; }

  // A line of deckpdf's own text in the notes style, class `cls`: the
  // document `aside.notes > div.CLS > text`, made once per class with its
  // text replaced each time.
  DisplayList label(const std::string& cls, const std::string& text, float width_pt);

  // One line of deckpdf's own text in class `cls`'s style, shaped at once
  // without a layout pass (many short lines cost little: the captions
  // under slides), never wrapped, its width in `advance_pt`. nullopt for
  // text with right-to-left script or controls, which needs label().
  std::optional<DisplayList> line(const std::string& cls, const std::string& text,
                                  float* advance_pt);

  // label() for many lines of one class at once (the page footers), laid
  // out on every core; labels_next() takes them in order, where label()
  // would have been called. A new prefetch ends the one before.
  void labels_prefetch(const std::string& cls, const std::vector<std::string>& texts,
                       float width_pt);
  DisplayList labels_next();

 private:
  struct Label;
  struct LabelsAhead;

  Label& label_slot(const std::string& cls);
  // The style of the notes root `root`, with notes_style()'s size and face.
  style::ComputedStyle root_style(Context& c, dom::NodeId root) const;

  text::Shaper& shaper_;
  Diagnostics& diags_;
  // A copy: its slide height is the notes box's (notes_box), what
  // percentages of height in notes (`img { max-height: 92% }`) are of.
  style::Theme theme_;
  style::Resolver resolver_;
  Context ctx_;  // what notes are laid out with
  float size_px_ = 0;
  std::string family_;
  // notes_prefetch()'s work.
  std::vector<dom::NodeId> roots_;
  std::vector<DisplayList> flows_;
  size_t next_ = 0;
  std::unique_ptr<ParallelLayout> work_;
  std::map<std::string, std::unique_ptr<Label>> labels_;  // label()'s, by class
  std::unique_ptr<LabelsAhead> labels_ahead_;
};

}  // namespace deckpdf::layout
