// pdf/content — content stream bytes: numbers and operators, text runs,
// list markers and a layer's items in one of its states.
#include "pdf/content.h"

#include <hb.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <iterator>
#include <variant>

#include "layout/glyph_outline.h"
#include "layout/roles.h"

namespace deckpdf::pdf {

namespace {

// A literal string for the PDF: ( ) and \ escaped, CR and LF as escapes
// (a bare end of line in a literal string reads back as LF).
inline void literal_byte(std::string& s, unsigned char c) {
  if (c > '\r' && c != '(' && c != ')' && c != '\\') {
    s.push_back(static_cast<char>(c));  // nearly always
    return;
  }
  switch (c) {
    case '\r': s += "\\r"; break;
    case '\n': s += "\\n"; break;
    case '(':
    case ')':
    case '\\': s.push_back('\\'); [[fallthrough]];
    default: s.push_back(static_cast<char>(c));
  }
}

// A text string (PDF 32000 7.9.2.2): printable ASCII as a literal, which
// PDFDocEncoding reads as itself at a quarter of UTF-16's hex; anything
// else as UTF-16BE hex with a byte order mark.
void text_string_operand(std::string& s, std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  if (ascii) {
    s += '(';
    for (char c : utf8) literal_byte(s, static_cast<unsigned char>(c));
    s += ')';
  } else {
    s += "<FEFF" + utf16_hex(utf8) + '>';
  }
}

bool same_rgb(const std::optional<layout::Color>& a, const layout::Color& b) {
  return a && a->r == b.r && a->g == b.g && a->b == b.b;
}

}  // namespace

// Number formatting: fixed precision, no locale, no "-0".
// ---------------------------------------------------------------------------
void num(std::string& out, double v) {
  // Two decimals (a hundredth of a px is far below what any device shows),
  // trailing zeros dropped, by integer arithmetic into a buffer appended
  // once: content streams are mostly numbers, and printf was a sixth of
  // the run time.
  if (!std::isfinite(v) || std::fabs(v) > 1e12) v = 0;
  long long centi = std::llround(v * 100.0);
  char buf[32];
  char* end = buf + sizeof buf;
  char* p = end;
  const bool negative = centi < 0;
  if (negative) centi = -centi;
  long long whole = centi / 100, frac = centi % 100;
  if (frac != 0) {
    if (frac % 10 == 0) {
      *--p = static_cast<char>('0' + frac / 10);
    } else {
      *--p = static_cast<char>('0' + frac % 10);
      *--p = static_cast<char>('0' + frac / 10);
    }
    *--p = '.';
  }
  do {
    *--p = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole > 0);
  if (negative) *--p = '-';
  out.append(p, static_cast<size_t>(end - p));
}

void op(std::string& out, std::initializer_list<double> operands, std::string_view name) {
  for (double v : operands) {
    num(out, v);
    out.push_back(' ');
  }
  out += name;
  out.push_back('\n');
}

void ContentWriter::color(std::string& s, const layout::Color& c, bool stroke) {
  std::optional<layout::Color>& current = stroke ? pen_.stroke : pen_.fill;
  if (same_rgb(current, c)) return;
  current = c;
  op(s, {c.r, c.g, c.b}, stroke ? "RG" : "rg");
}

// A glyph's advance in font units, as /W gives it, looked up once.
int ContentWriter::advance(text::FontId font, uint32_t glyph) {
  std::vector<int>& table = advances_[font];
  if (glyph >= table.size()) table.resize(std::max<size_t>({glyph + 1, table.size() * 2, 256}), -1);
  int& a = table[glyph];
  if (a < 0) a = fonts_.face(font).glyph_advance(glyph);
  return a;
}

void ContentWriter::text_item(std::string& s, const layout::Item& item, const layout::TextItem& t,
                              Needs& needs) {
  const text::GlyphRun& run = *t.run;
  if (run.glyphs.empty()) return;
  const text::FontFace& face = fonts_.face(run.font);
  if (!face.outlines && face.color_bitmaps) {
    emoji_item(s, item, run, needs);
    return;
  }
  FontEmbedder::Entry& fr = embedder_.use(run.font);
  needs.fonts.insert(run.font);
  float to1000 = 1000.0f / static_cast<float>(face.units_per_em);
  bool mapped = true;  // every glyph's ToUnicode entry gives this run's text
  std::vector<std::string_view>& pieces = pieces_;
  run.glyph_texts(pieces);
  // Under --pdfa no text operator may show .notdef (ISO 19005-2
  // 6.2.11.8): such glyphs are skipped here and drawn as their outlines.
  bool skip_notdef = false;
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    // A cluster drawn with several glyphs (Indic reordering, marks)
    // extracts reliably only as /ActualText.
    if (pieces[i].empty()) mapped = false;
    if (pdfa_ && run.glyphs[i].id == 0) {
      skip_notdef = true;
      mapped = false;
      continue;
    }
    mapped = embedder_.note_glyph(fr, run.glyphs[i].id, pieces[i]) && mapped;
  }
  // Does reading the glyphs in order (right to left for an RTL run) give
  // the run's text?
  size_t pos = 0;
  for (size_t k = 0; k < pieces.size() && mapped; ++k) {
    std::string_view piece = pieces[run.rtl ? pieces.size() - 1 - k : k];
    mapped = pos <= run.text.size() && run.text.compare(pos, piece.size(), piece) == 0;
    pos += piece.size();
  }
  mapped = mapped && pos == run.text.size();
  // Text that the glyphs alone do not give back (a transformed case, a
  // glyph drawn for two different texts, .notdef, a reordered cluster)
  // is carried as /ActualText.
  std::string actual_text = t.actual_text ? *t.actual_text : std::string();
  if (actual_text.empty() && !mapped) actual_text = run.text;
  // SVG text in a frame: inside q/Q, moved to the item's place, clipped,
  // through its opacity, and set with the frame's matrix.
  const layout::TextFrame* frame = t.frame.get();
  Pen saved = pen_;
  if (frame) {
    s += "q\n";
    if (item.x != 0 || item.y != 0) op(s, {1, 0, 0, 1, item.x, item.y}, "cm");
    for (const auto& clip : frame->clips) {
      path_ops(s, clip->path);
      s += clip->even_odd ? "W* n\n" : "W n\n";
    }
    if (float alpha = t.fill.a * frame->opacity; alpha < 1) {
      const auto& [name, gs] = alpha_state(std::max(0.0f, alpha));
      needs.states[name] = gs;
      s += '/' + name + " gs\n";
    }
  }
  color(s, t.fill, false);
  if (run.synthetic_bold) color(s, t.fill, true);
  if (!actual_text.empty()) {
    s += "/Span << /ActualText ";
    text_string_operand(s, actual_text);
    s += " >> BDC\n";
  }
  s += "BT\n";
  if (run.synthetic_bold) {
    // Fill and stroke (2 Tr), the stroke as wide as Skia's fake bold
    // makes it: 1/24 of the size at 9 px down to 1/32 from 36 px.
    float t9 = std::clamp((run.size - 9) / 27, 0.0f, 1.0f);
    op(s, {run.size * (1.0f / 24 + t9 * (1.0f / 32 - 1.0f / 24))}, "w");
    s += "2 Tr\n";
  }
  // The font is part of the graphics state: set once while it stays.
  if (pen_.font != fr.name || pen_.size != run.size) {
    pen_.font = fr.name;
    pen_.size = run.size;
    s += '/' + fr.name + ' ';
    op(s, {run.size}, "Tf");
  }
  // Run space has y down, text space y up: the frame's matrix (or the
  // item's place) after a flip; a synthetic oblique shears text space by
  // Skia's fake-italic skew of 1/4 (about 14 degrees), tops to the right.
  float n[6] = {1, 0, 0, -1, item.x, item.y};
  if (frame) {
    const layout::Matrix& m = frame->matrix;
    float framed[6] = {m[0], m[1], -m[2], -m[3], m[4], m[5]};
    std::copy(std::begin(framed), std::end(framed), std::begin(n));
  }
  if (run.synthetic_oblique) {
    n[2] += 0.25f * n[0];
    n[3] += 0.25f * n[1];
  }
  if (n[0] == 1 && n[1] == 0 && n[2] == 0 && n[3] == -1) {
    s += "1 0 0 -1 ";  // level text, the usual case: only the place is a number
    op(s, {n[4], n[5]}, "Tm");
  } else {
    op(s, {n[0], n[1], n[2], n[3], n[4], n[5]}, "Tm");
  }
  s += '[';
  // TJ: glyph ids as 2-byte CIDs in literal strings; a number moves the
  // pen back by thousandths of the font size, which carries HarfBuzz's
  // advances and x offsets. Glyphs with a y offset (marks) are set with
  // a rise.
  float pending = 0;  // adjustment owed before the next glyph, in 1/1000 em
  bool open_string = false;
  auto close_string = [&] {
    if (open_string) s += ')';
    open_string = false;
  };
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    const text::Glyph& g = run.glyphs[i];
    float natural = static_cast<float>(advance(run.font, g.id)) * to1000;
    float actual = g.x_advance / run.size * 1000.0f;
    float xoff = g.x_offset / run.size * 1000.0f;
    if (skip_notdef && g.id == 0) {
      pending -= actual;  // the pen moves on as if it had been drawn
      continue;
    }
    float before = pending - xoff;
    if (std::fabs(before) >= 0.5f) {
      close_string();
      num(s, std::round(before));
    }
    if (g.y_offset != 0) {
      close_string();
      s += "] TJ\n";
      op(s, {g.y_offset}, "Ts");
      s += '[';
    }
    if (!open_string) s += '(';
    open_string = true;
    literal_byte(s, static_cast<unsigned char>(g.id >> 8 & 0xFF));
    literal_byte(s, static_cast<unsigned char>(g.id & 0xFF));
    if (g.y_offset != 0) {
      close_string();
      s += "] TJ\n0 Ts\n[";
    }
    // After drawing, the pen moved by `natural`; HarfBuzz wants `actual`,
    // and we undo the x offset.
    pending = natural - actual + xoff;
  }
  close_string();
  s += "] TJ\n";
  if (run.synthetic_bold) s += "0 Tr\n";
  s += "ET\n";
  if (skip_notdef) notdef_outlines(s, run, n);
  if (!actual_text.empty()) s += "EMC\n";
  if (frame) {
    s += "Q\n";
    pen_ = saved;  // Q gave back the colour and font from before q
  }
}

// Colour emoji (bitmap glyphs, as in Noto Color Emoji) are drawn as
// images, one image per glyph however often it is used. For copy and
// search, an invisible glyph of the text face is drawn under them
// inside an /ActualText span carrying the emoji's text.
void ContentWriter::emoji_item(std::string& s, const layout::Item& item, const text::GlyphRun& run,
                               Needs& needs) {
  text::FontId text_font = fonts_.match("sans-serif", 400, false);
  FontEmbedder::Entry& fr = embedder_.use(text_font);
  needs.fonts.insert(text_font);
  // An invisible glyph as wide as the emoji run gives text extraction a
  // character to attach the /ActualText to, at the emoji's place.
  const text::FontFace& tf = fonts_.face(text_font);
  hb_codepoint_t glyph = 0;
  hb_font_get_nominal_glyph(tf.hb_font, 'x', &glyph);
  embedder_.note_glyph(fr, glyph, "x");
  float natural =
      static_cast<float>(tf.glyph_advance(glyph)) * run.size / static_cast<float>(tf.units_per_em);
  s += "/Span << /ActualText ";
  text_string_operand(s, run.text);
  s += " >> BDC\n";
  // Inside q/Q: the font, scaling and render mode set here are undone.
  s += "q BT 3 Tr /" + fr.name + ' ';
  op(s, {run.size}, "Tf");
  op(s, {natural > 0 ? 100.0f * run.width / natural : 100.0f}, "Tz");
  op(s, {1, 0, 0, -1, item.x, item.y}, "Tm");
  s += '(';
  literal_byte(s, static_cast<unsigned char>(glyph >> 8 & 0xFF));
  literal_byte(s, static_cast<unsigned char>(glyph & 0xFF));
  s += ") Tj ET Q\n";
  float pen = item.x;
  for (const text::Glyph& g : run.glyphs) {
    const EmojiImage* img = emoji_image(run.font, g.id);
    if (img) {
      float scale = run.size / img->ppem;
      float w = static_cast<float>(img->width) * scale, h = static_cast<float>(img->height) * scale;
      float x = pen + g.x_offset + img->left * scale;
      float top = item.y - g.y_offset - img->top * scale;
      needs.xobjects[img->name] = img->image;
      s += "q ";
      op(s, {w, 0, 0, -h, x, top + h}, "cm");
      s += '/' + img->name + " Do Q\n";
    }
    pen += g.x_advance;
  }
  s += "EMC\n";
}

namespace {

// The structure element of an item of a tagged list, or -1: an artifact.
int element_of(const layout::DisplayList& list, const layout::Item& item) {
  return list.structure && item.tag > 0 ? item.tag - 1 : -1;
}

// A run of its own: text drawn with an /ActualText span inside (readers
// such as poppler end a sequence at the span's end).
bool alone(const layout::Item& item) {
  auto* t = std::get_if<layout::TextItem>(&item.v);
  return t && t->actual_text;
}

}  // namespace

// A tagged list's runs, numbered in layer order: the items of one layer
// that follow each other with the same structure element are one run,
// one marked-content sequence.
const ContentWriter::Runs& ContentWriter::runs(const layout::DisplayList& list) {
  auto [it, added] = runs_.try_emplace(&list);
  Runs& r = it->second;
  if (!added) return r;
  r.mcid.assign(list.items.size(), -1);
  r.line_end.assign(list.items.size(), 0);
  for (const layout::Layer& layer : list.layers) {
    // A text item whose element's next text is on another line: the
    // reader is given the space (or line break) that wrapping dropped.
    const layout::Item* last = nullptr;
    uint32_t last_index = 0;
    for (uint32_t index : layer.items) {
      const layout::Item& item = list.items[index];
      auto* t = std::get_if<layout::TextItem>(&item.v);
      if (!t || t->frame) continue;
      if (last) {
        const auto& lt = std::get<layout::TextItem>(last->v);
        const int e = element_of(list, *last);
        const std::string& text = lt.actual_text ? *lt.actual_text : lt.run->text;
        const bool spaced = !text.empty() && (text.back() == ' ' || text.back() == '\n');
        if (e >= 0 && e == element_of(list, item) && !spaced &&
            std::fabs(item.y - last->y) > 0.5f * lt.run->size) {
          const bool code =
              list.structure->elements[static_cast<size_t>(e)].role == layout::Role::Code;
          r.line_end[last_index] = code ? '\n' : ' ';
        }
      }
      last = &item;
      last_index = index;
    }
    int open = -1;
    bool was_alone = false;
    for (uint32_t index : layer.items) {
      const layout::Item& item = list.items[index];
      if (std::holds_alternative<layout::LinkItem>(item.v)) continue;
      int e = element_of(list, item);
      const bool is_alone = alone(item) || r.line_end[index] != 0;
      if (e >= 0 && (e != open || was_alone || is_alone)) r.mcid[index] = r.count++;
      open = e;
      was_alone = is_alone;
    }
  }
  return r;
}

std::string ContentWriter::layer(const LayerKey& key, Needs& needs, int mcid_base,
                                 std::vector<Mark>* marks) {
  const layout::DisplayList& list = *key.list;
  const layout::Layer& layer = list.layers[static_cast<size_t>(key.layer)];
  pen_ = Pen{};  // self-contained: pieces are concatenated in any order
  std::string s;
  const std::vector<layout::Effect>& effects = list.effects[static_cast<size_t>(layer.effects)];
  std::optional<layout::Color> recolor;
  bool strike = false;
  if (list.clip) op(s, {0, 0, list.width, list.height}, "re W n");
  if (list.scale != 1 || list.dx != 0 || list.dy != 0) {
    op(s, {list.scale, 0, 0, list.scale, list.dx, list.dy}, "cm");
  }
  // The fragment effects that change what the layer draws: colour and
  // line-through (opacity and scale are applied where it is drawn).
  for (uint32_t bits = key.active; bits != 0; bits &= bits - 1) {
    const layout::Effect& e = effects[static_cast<size_t>(std::countr_zero(bits))];
    if (e.kind == layout::Effect::Kind::Color) recolor = e.color;
    if (e.kind == layout::Effect::Kind::Strike) strike = true;
  }
  // Tagged: each run is marked with its MCID (structure.h), the rest is
  // an artifact; `open` is the element of the sequence open (-1 an
  // artifact, -2 none).
  const Runs* tagged = marks ? &runs(list) : nullptr;
  int open = -2;
  bool was_alone = false;
  for (uint32_t index : layer.items) {
    const layout::Item& item = list.items[index];
    if (std::holds_alternative<layout::LinkItem>(item.v)) continue;  // annotations, not ink
    const char line_end = tagged ? tagged->line_end[index] : 0;
    if (tagged) {
      int e = element_of(list, item);
      const bool is_alone = alone(item) || line_end != 0;
      bool split = e >= 0 && (was_alone || is_alone);
      was_alone = is_alone;
      if (e != open || split) {  // as runs() counts them
        if (open != -2) s += "EMC\n";
        if (e < 0) {
          s += "/Artifact BMC\n";
        } else {
          int mcid = mcid_base + tagged->mcid[index];
          s += '/';
          s += layout::role_name(list.structure->elements[static_cast<size_t>(e)].role);
          s += " <</MCID " + std::to_string(mcid) + ">> BDC\n";
          marks->push_back({&list, mcid, index, e});
        }
        open = e;
      }
    }
    if (auto* t = std::get_if<layout::TextItem>(&item.v)) {
      // Translucent text (an rgba() colour) inside q/Q with its opacity.
      bool translucent = t->fill.a < 1 && !recolor;
      Pen saved = pen_;
      if (translucent) {
        const auto& [name, gs] = alpha_state(t->fill.a);
        needs.states[name] = gs;
        s += "q /" + name + " gs\n";
      }
      if (recolor || line_end) {
        layout::TextItem copy = *t;
        if (recolor) copy.fill = *recolor;
        if (line_end) {
          copy.actual_text = std::make_shared<const std::string>(
              (t->actual_text ? *t->actual_text : t->run->text) + line_end);
        }
        text_item(s, item, copy, needs);
      } else {
        text_item(s, item, *t, needs);
      }
      if (translucent) {
        s += "Q\n";
        pen_ = saved;  // Q gave back the colour and font from before q
      }
      if (strike && !t->run->glyphs.empty()) {
        // As the layout draws line-through: 0.28 em above the baseline.
        float size = t->run->size;
        color(s, recolor.value_or(t->fill), true);
        op(s, {std::max(1.0f, size * 0.06f)}, "w");
        op(s, {item.x, item.y - size * 0.28f}, "m");
        op(s, {item.x + t->run->width, item.y - size * 0.28f}, "l S");
      }
    } else if (auto* r = std::get_if<layout::RectItem>(&item.v)) {
      if (r->fill.a > 0) {
        bool translucent = r->fill.a < 1;
        Pen saved = pen_;
        if (translucent) {
          const auto& [name, gs] = alpha_state(r->fill.a);
          needs.states[name] = gs;
          s += "q /" + name + " gs\n";
        }
        color(s, r->fill, false);
        op(s, {item.x, item.y, r->width, r->height}, "re f");
        if (translucent) {
          s += "Q\n";
          pen_ = saved;  // Q gave back the colour from before q
        }
      }
      if (r->stroke_width > 0) {
        color(s, r->stroke, true);
        op(s, {r->stroke_width}, "w");
        op(s, {item.x, item.y, r->width, r->height}, "re S");
      }
    } else if (auto* l = std::get_if<layout::LineItem>(&item.v)) {
      color(s, recolor.value_or(l->color), true);
      op(s, {l->width}, "w");
      op(s, {item.x, item.y}, "m");
      op(s, {l->x2, l->y2}, "l S");
    } else if (auto* m = std::get_if<layout::MarkerItem>(&item.v)) {
      layout::MarkerItem shown = *m;
      if (recolor) shown.color = *recolor;
      marker(s, item.x, item.y, shown);
    } else if (auto* im = std::get_if<layout::ImageItem>(&item.v)) {
      picture(s, item.x, item.y, *im, needs);
    } else if (auto* path = std::get_if<layout::PathItem>(&item.v)) {
      path_item(s, item, *path, needs);
    }
  }
  if (open != -2) s += "EMC\n";
  return s;
}

// A run's .notdef glyphs (--pdfa) as filled outlines in the text's colour,
// where the text matrix `tm` would have drawn them: the box a reader sees
// for a character no font has, without a text operator showing .notdef.
void ContentWriter::notdef_outlines(std::string& s, const text::GlyphRun& run,
                                    const float (&tm)[6]) {
  text::GlyphRun boxes = run;
  boxes.glyphs.clear();
  float pen = 0, drawn = 0;  // the run's pen, and the pen of `boxes`
  for (const text::Glyph& g : run.glyphs) {
    if (g.id == 0) {
      text::Glyph b = g;
      b.x_offset += pen - drawn;
      drawn += g.x_advance;
      boxes.glyphs.push_back(b);
    }
    pen += g.x_advance;
  }
  layout::PathData path;
  size_t budget = 64 * boxes.glyphs.size();  // a box is a few segments
  if (!layout::glyph_outlines(fonts_, boxes, path, budget) || path.ops.empty()) return;
  // Text space is y up, run space (the outlines') y down.
  s += "q\n";
  op(s, {tm[0], tm[1], -tm[2], -tm[3], tm[4], tm[5]}, "cm");
  path_ops(s, path);
  s += "f\nQ\n";
}

void ContentWriter::marker(std::string& s, float cx, float cy, const layout::MarkerItem& m) {
  float r = m.size / 2;
  if (m.shape == layout::MarkerItem::Shape::Square) {
    color(s, m.color, false);
    op(s, {cx - r, cy - r, m.size, m.size}, "re f");
    return;
  }
  if (m.shape == layout::MarkerItem::Shape::Disc) {
    // A dot: a zero-length line with round caps is a filled circle as
    // wide as the line (PDF 32000 8.5.3.2), a tenth of the bytes of four
    // Bezier arcs, which adds up over thousands of bullets.
    color(s, m.color, true);
    s += "q 1 J ";
    op(s, {m.size}, "w");
    op(s, {cx, cy}, "m");
    op(s, {cx, cy}, "l S Q");
    return;
  }
  // A ring from four Bezier arcs.
  const float k = 0.5523f * r;
  color(s, m.color, true);
  op(s, {m.size * 0.12f}, "w");
  op(s, {cx + r, cy}, "m");
  op(s, {cx + r, cy + k, cx + k, cy + r, cx, cy + r}, "c");
  op(s, {cx - k, cy + r, cx - r, cy + k, cx - r, cy}, "c");
  op(s, {cx - r, cy - k, cx - k, cy - r, cx, cy - r}, "c");
  op(s, {cx + k, cy - r, cx + r, cy - k, cx + r, cy}, "c S");
}

}  // namespace deckpdf::pdf
