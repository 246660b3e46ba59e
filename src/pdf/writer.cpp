#include "pdf/writer.h"

#include <fcntl.h>
#include <hb.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <variant>

#include "pdf/deflate.h"
#include "pdf/fonts.h"
#include "text/utf8.h"

namespace deckpdf::pdf {

namespace {

// ---------------------------------------------------------------------------
// Number formatting: fixed precision, no locale, no "-0".
// ---------------------------------------------------------------------------
void num(std::string& out, double v) {
  // Two decimals (a hundredth of a px is far below what any device shows),
  // trailing zeros dropped, by integer arithmetic: content streams are
  // mostly numbers, and printf was a sixth of the run time.
  if (!std::isfinite(v) || std::fabs(v) > 1e12) v = 0;
  long long centi = std::llround(v * 100.0);
  if (centi < 0) {
    out.push_back('-');
    centi = -centi;
  }
  long long whole = centi / 100, frac = centi % 100;
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole > 0);
  while (n > 0) out.push_back(buf[--n]);
  if (frac != 0) {
    out.push_back('.');
    int digits = 2;
    while (frac % 10 == 0) {
      frac /= 10;
      --digits;
    }
    for (int d = digits - 1; d >= 0; --d) {
      long long p = 1;
      for (int k = 0; k < d; ++k) p *= 10;
      out.push_back(static_cast<char>('0' + (frac / p) % 10));
    }
  }
}

// An operator with its numeric operands: "1 0 0 1 10 20 cm\n".
void op(std::string& out, std::initializer_list<double> operands, std::string_view name) {
  for (double v : operands) {
    num(out, v);
    out.push_back(' ');
  }
  out += name;
  out.push_back('\n');
}

// A layer: the items of `list` with this (step, until, effects), drawn
// with the effects whose bits are set in `active`.
struct LayerKey {
  const layout::DisplayList* list = nullptr;
  int step = 0, until = layout::never, effects = 0;
  uint32_t active = 0;
  auto operator<=>(const LayerKey&) const = default;
};

// A unit of page content: one layer as a page places it (where, how
// large, at what opacity and scale), or the page's background. Pages that
// show the same unit draw the same bytes.
struct UnitKey {
  LayerKey layer;  // layer.list == nullptr: the page background
  float scale = 1, tx = 0, ty = 0, page_height = 0;
  bool clip = false;  // clipped to the list's box (it does not cover the page)
  float alpha = 1;
  std::vector<const layout::Effect*> scales;
  float r = 0, g = 0, b = 0, width = 0, height = 0;  // the background
  auto operator<=>(const UnitKey&) const = default;
};

// What a piece of page content names in the page's resources.
struct Needs {
  std::set<text::FontId> fonts;
  std::map<std::string, HPDF_Dict> xobjects;  // pictures, emoji, dimmed layers
  std::map<std::string, HPDF_Dict> states;    // opacities
  void merge(const Needs& o) {
    fonts.insert(o.fonts.begin(), o.fonts.end());
    xobjects.insert(o.xobjects.begin(), o.xobjects.end());
    states.insert(o.states.begin(), o.states.end());
  }
};

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

}  // namespace

// A label that is a plain decimal number ("12", not "012" or "3.2"), or 0.
static long label_number(const std::string& label) {
  if (label.empty() || label.size() > 9 || label[0] == '0') return 0;
  long v = 0;
  for (char c : label) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::vector<LabelRange> page_label_ranges(const std::vector<std::string>& labels) {
  std::vector<LabelRange> out;
  for (size_t i = 0; i < labels.size(); ++i) {
    const std::string& label = labels[i];
    long n = label_number(label);
    if (!out.empty()) {
      LabelRange& r = out.back();
      if (r.start > 0 ? n == r.start + static_cast<long>(i - r.first) : label == r.prefix) continue;
      // A one-page range numbered n followed by n + 1: decimal numbering.
      long prev = label_number(r.prefix);
      if (r.start == 0 && i == r.first + 1 && prev > 0 && n == prev + 1) {
        r.start = prev;
        r.prefix.clear();
        continue;
      }
    }
    out.push_back({i, label, 0});
  }
  return out;
}

namespace {

class Writer {
 public:
  explicit Writer(const text::FontSet& fonts) : fonts_(fonts) {
    doc_ = HPDF_New(&Writer::on_error, this);
    if (doc_) {
      HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
      // Pages in a tree of nodes of 1,000: one /Kids array holds at most
      // 32,767 entries in libharu, and big decks in builds mode pass that.
      HPDF_SetPagesConfiguration(doc_, 1000);
      embedder_ = std::make_unique<FontEmbedder>(doc_, fonts_);
    }
  }
  ~Writer() {
    if (doc_) HPDF_Free(doc_);
  }

  bool ok() const { return doc_ && error_.empty(); }
  const std::string& error() const { return error_; }

  bool render(const std::vector<compose::Page>& pages, const DocInfo& info, std::string& bytes) {
    if (!doc_) {
      error_ = "libharu could not create a document";
      return false;
    }
    for (const compose::Page& page : pages) draw_page(page);
    queue_.flush();
    if (ok()) page_tree(pages);
    if (ok()) navigation(pages);
    if (ok() && !embedder_->finish(error_)) return false;
    set_info(info);
    if (!ok()) return false;
    if (HPDF_SaveToStream(doc_) != HPDF_OK) {
      if (error_.empty()) error_ = "libharu could not write the document";
      return false;
    }
    HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
    bytes.resize(size);
    HPDF_UINT32 got = size;
    if (HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got) != HPDF_OK &&
        got != size) {
      // libharu returns HPDF_STREAM_EOF when the whole stream was read.
    }
    bytes.resize(got);
    return ok();
  }

 private:
  static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
    auto* self = static_cast<Writer*>(user);
    char buf[96];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)",
                  static_cast<unsigned>(error_no), static_cast<unsigned>(detail_no));
    if (self->error_.empty()) self->error_ = buf;
  }

  HPDF_MMgr mmgr() const { return doc_->mmgr; }

  // --- content streams -----------------------------------------------------
  // The graphics state a content stream has set so far, so that a colour or
  // font is only set when it changes. Reset at the start of every unit:
  // units are concatenated in any order.
  struct Pen {
    std::optional<layout::Color> fill, stroke;
    std::string font;
    float size = 0;
  };

  static bool same_rgb(const std::optional<layout::Color>& a, const layout::Color& b) {
    return a && a->r == b.r && a->g == b.g && a->b == b.b;
  }

  void color(std::string& s, const layout::Color& c, bool stroke) {
    std::optional<layout::Color>& current = stroke ? pen_.stroke : pen_.fill;
    if (same_rgb(current, c)) return;
    current = c;
    op(s, {c.r, c.g, c.b}, stroke ? "RG" : "rg");
  }

  // A glyph's advance in font units, as /W gives it, looked up once.
  int advance(text::FontId font, uint32_t glyph) {
    std::vector<int>& table = advances_[font];
    if (glyph >= table.size())
      table.resize(std::max<size_t>({glyph + 1, table.size() * 2, 256}), -1);
    int& a = table[glyph];
    if (a < 0) a = fonts_.face(font).glyph_advance(glyph);
    return a;
  }

  void text_item(std::string& s, const layout::Item& item, const layout::TextItem& t,
                 Needs& needs) {
    const text::GlyphRun& run = *t.run;
    if (run.glyphs.empty()) return;
    const text::FontFace& face = fonts_.face(run.font);
    if (!face.outlines && face.color_bitmaps) {
      emoji_item(s, item, run, needs);
      return;
    }
    FontEmbedder::Entry& fr = embedder_->use(run.font);
    needs.fonts.insert(run.font);
    float to1000 = 1000.0f / static_cast<float>(face.units_per_em);
    bool mapped = true;  // every glyph's ToUnicode entry gives this run's text
    std::vector<std::string_view>& pieces = pieces_;
    run.glyph_texts(pieces);
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
      // A cluster drawn with several glyphs (Indic reordering, marks)
      // extracts reliably only as /ActualText.
      if (pieces[i].empty()) mapped = false;
      mapped = embedder_->note_glyph(fr, run.glyphs[i].id, pieces[i]) && mapped;
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
    std::string actual_text = t.actual_text;
    if (actual_text.empty() && !mapped) actual_text = run.text;
    color(s, t.fill, false);
    if (!actual_text.empty()) {
      s += "/Span << /ActualText ";
      text_string_operand(s, actual_text);
      s += " >> BDC\n";
    }
    s += "BT\n";
    // The font is part of the graphics state: set once while it stays.
    if (pen_.font != fr.name || pen_.size != run.size) {
      pen_.font = fr.name;
      pen_.size = run.size;
      s += '/' + fr.name + ' ';
      op(s, {run.size}, "Tf");
    }
    op(s, {1, 0, 0, -1, item.x, item.y}, "Tm");
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
    s += "] TJ\nET\n";
    if (!actual_text.empty()) s += "EMC\n";
  }

  // Colour emoji (bitmap glyphs, as in Noto Color Emoji) are drawn as
  // images, one image per glyph however often it is used. For copy and
  // search, an invisible glyph of the text face is drawn under them
  // inside an /ActualText span carrying the emoji's text.
  void emoji_item(std::string& s, const layout::Item& item, const text::GlyphRun& run,
                  Needs& needs) {
    text::FontId text_font = fonts_.match("sans-serif", 400, false);
    FontEmbedder::Entry& fr = embedder_->use(text_font);
    needs.fonts.insert(text_font);
    // An invisible glyph as wide as the emoji run gives text extraction a
    // character to attach the /ActualText to, at the emoji's place.
    const text::FontFace& tf = fonts_.face(text_font);
    hb_codepoint_t glyph = 0;
    hb_font_get_nominal_glyph(tf.hb_font, 'x', &glyph);
    embedder_->note_glyph(fr, glyph, "x");
    float natural = static_cast<float>(tf.glyph_advance(glyph)) * run.size /
                    static_cast<float>(tf.units_per_em);
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
        float w = static_cast<float>(img->width) * scale,
              h = static_cast<float>(img->height) * scale;
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

  struct EmojiImage {
    HPDF_Image image = nullptr;
    std::string name;
    int width = 0, height = 0;
    float left = 0, top = 0, ppem = 0;
  };

  const EmojiImage* emoji_image(text::FontId font, uint32_t glyph) {
    auto key = std::make_pair(font, glyph);
    auto it = emoji_images_.find(key);
    if (it != emoji_images_.end()) return it->second.image ? &it->second : nullptr;
    EmojiImage& e = emoji_images_[key];
    text::FontFace::Bitmap bm;
    if (!fonts_.face(font).color_bitmap(glyph, bm)) return nullptr;
    size_t n = static_cast<size_t>(bm.width) * static_cast<size_t>(bm.height);
    std::string rgb(n * 3, '\0'), alpha(n, '\0');
    for (size_t i = 0; i < n; ++i) {
      rgb[i * 3] = static_cast<char>(bm.rgba[i * 4]);
      rgb[i * 3 + 1] = static_cast<char>(bm.rgba[i * 4 + 1]);
      rgb[i * 3 + 2] = static_cast<char>(bm.rgba[i * 4 + 2]);
      alpha[i] = static_cast<char>(bm.rgba[i * 4 + 3]);
    }
    auto w = static_cast<HPDF_UINT>(bm.width), h = static_cast<HPDF_UINT>(bm.height);
    HPDF_Image image = HPDF_LoadRawImageFromMem(
        doc_, reinterpret_cast<const HPDF_BYTE*>(rgb.data()), w, h, HPDF_CS_DEVICE_RGB, 8);
    HPDF_Image mask = HPDF_LoadRawImageFromMem(
        doc_, reinterpret_cast<const HPDF_BYTE*>(alpha.data()), w, h, HPDF_CS_DEVICE_GRAY, 8);
    if (!image || !mask || HPDF_Image_AddSMask(image, mask) != HPDF_OK) return nullptr;
    e.image = image;
    e.name = "Em" + std::to_string(emoji_images_.size());
    e.width = bm.width;
    e.height = bm.height;
    e.left = bm.left;
    e.top = bm.top;
    e.ppem = bm.ppem;
    return &e;
  }

  // The content of one layer: the items of `key`'s group, each drawn in the
  // state that `key.active` gives (bit i: effect i of the group's set is on).
  std::string layer_content(const LayerKey& key, Needs& needs) {
    const layout::DisplayList& list = *key.list;
    std::string s;
    const std::vector<layout::Effect>& effects = list.effects[static_cast<size_t>(key.effects)];
    std::optional<layout::Color> recolor;
    bool strike = false;
    if (list.clip) op(s, {0, 0, list.width, list.height}, "re W n");
    if (list.scale != 1 || list.dx != 0 || list.dy != 0) {
      op(s, {list.scale, 0, 0, list.scale, list.dx, list.dy}, "cm");
    }
    // The fragment effects that change what the layer draws: colour and
    // line-through (opacity and scale are applied where it is drawn).
    for (size_t i = 0; i < effects.size(); ++i) {
      if (!(key.active >> i & 1)) continue;
      const layout::Effect& e = effects[i];
      if (e.kind == layout::Effect::Kind::Color) recolor = e.color;
      if (e.kind == layout::Effect::Kind::Strike) strike = true;
    }
    for (const layout::Item& item : list.items) {
      if (item.step != key.step || item.until != key.until || item.effects != key.effects) {
        continue;
      }
      if (std::holds_alternative<layout::LinkItem>(item.v)) continue;  // annotations, not ink
      if (auto* t = std::get_if<layout::TextItem>(&item.v)) {
        if (recolor) {
          layout::TextItem copy = *t;
          copy.fill = *recolor;
          text_item(s, item, copy, needs);
        } else {
          text_item(s, item, *t, needs);
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
      }
    }
    return s;
  }

  // A PNG or JPEG file, loaded once per document however often it is drawn.
  // libharu decodes it; a file that fails to decode (layout only probed its
  // header) becomes a grey box rather than failing the export.
  void picture(std::string& s, float x, float y, const layout::ImageItem& im, Needs& needs) {
    auto it = pictures_.find(im.path);
    if (it == pictures_.end()) {
      bool clean = error_.empty();
      HPDF_Image image = im.format == layout::ImageItem::Format::Jpeg
                             ? HPDF_LoadJpegImageFromFile(doc_, im.path.c_str())
                             : HPDF_LoadPngImageFromFile(doc_, im.path.c_str());
      if (!image) {
        HPDF_ResetError(doc_);
        if (clean) error_.clear();
      }
      it = pictures_
               .emplace(im.path, std::make_pair(image, "Im" + std::to_string(pictures_.size() + 1)))
               .first;
    }
    auto [image, name] = it->second;
    if (!image) {
      color(s, {0.85f, 0.85f, 0.85f, 1}, false);
      op(s, {x, y, im.width, im.height}, "re f");
      return;
    }
    needs.xobjects[name] = image;
    s += "q ";
    op(s, {im.width, 0, 0, -im.height, x, y + im.height}, "cm");
    s += '/' + name + " Do Q\n";
  }

  void marker(std::string& s, float cx, float cy, const layout::MarkerItem& m) {
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

  // A dimmed layer is one Form XObject with a transparency group, so that
  // opacity 0.5 applies to the layer as a whole, like CSS opacity, not
  // glyph by glyph. Made once per layer and state.
  struct Form {
    HPDF_Dict dict = nullptr;
    std::string name;  // "L1", "L2", ...
    Needs needs;       // what its content names
  };

  const Form& form(const LayerKey& key) {
    auto it = forms_.find(key);
    if (it != forms_.end()) return it->second;
    Form f;
    pen_ = Pen{};
    std::string content = layer_content(key, f.needs);
    f.dict = HPDF_DictStream_New(mmgr(), doc_->xref);
    if (f.dict) {
      f.dict->header.obj_class = HPDF_OSUBCLASS_XOBJECT | HPDF_OCLASS_DICT;
      HPDF_Dict_AddName(f.dict, "Type", "XObject");
      HPDF_Dict_AddName(f.dict, "Subtype", "Form");
      HPDF_Array bbox = HPDF_Array_New(mmgr());
      HPDF_Array_AddReal(bbox, 0);
      HPDF_Array_AddReal(bbox, 0);
      HPDF_Array_AddReal(bbox, key.list->width);
      HPDF_Array_AddReal(bbox, key.list->height);
      HPDF_Dict_Add(f.dict, "BBox", bbox);
      HPDF_Dict group = HPDF_Dict_New(mmgr());
      HPDF_Dict_AddName(group, "Type", "Group");
      HPDF_Dict_AddName(group, "S", "Transparency");
      HPDF_Dict_Add(f.dict, "Group", group);
      HPDF_Dict_Add(f.dict, "Resources", resources(f.needs));
      queue_.add(f.dict, std::move(content));
      f.name = "L" + std::to_string(forms_.size() + 1);
    }
    return forms_.emplace(key, std::move(f)).first->second;
  }

  // The item groups of a list (active = 0), in the order of first items.
  const std::vector<LayerKey>& groups(const layout::DisplayList& list) {
    auto it = groups_.find(&list);
    if (it != groups_.end()) return it->second;
    std::vector<LayerKey>& out = groups_[&list];
    std::set<LayerKey> seen;
    for (const layout::Item& item : list.items) {
      LayerKey k{&list, item.step, item.until, item.effects, 0};
      if (seen.insert(k).second) out.push_back(k);
    }
    return out;
  }

  // An ExtGState with fill and stroke opacity `alpha` and its resource
  // name, made once per document.
  const std::pair<std::string, HPDF_ExtGState>& alpha_state(float alpha) {
    alpha = std::round(alpha * 1000) / 1000;
    auto it = alpha_states_.find(alpha);
    if (it == alpha_states_.end()) {
      HPDF_ExtGState gs = HPDF_CreateExtGState(doc_);
      HPDF_ExtGState_SetAlphaFill(gs, alpha);
      HPDF_ExtGState_SetAlphaStroke(gs, alpha);
      std::string name = "GA" + std::to_string(alpha_states_.size());
      it = alpha_states_.emplace(alpha, std::make_pair(name, gs)).first;
    }
    return it->second;
  }

  // The bytes of one unit, self-contained (q ... Q) so that units can be
  // concatenated in any order.
  std::string unit_content(const UnitKey& k, Needs& needs) {
    pen_ = Pen{};
    std::string s = "q ";
    if (!k.layer.list) {
      color(s, {k.r, k.g, k.b, 1}, false);
      op(s, {0, 0, k.width, k.height}, "re f Q");
      return s;
    }
    const layout::DisplayList& list = *k.layer.list;
    // Page space is y-down from the top-left; PDF is y-up.
    op(s, {k.scale, 0, 0, -k.scale, k.tx, k.page_height - k.ty}, "cm");
    if (k.clip) op(s, {0, 0, list.width, list.height}, "re W n");
    if (k.alpha < 1) {
      const auto& [name, gs] = alpha_state(k.alpha);
      needs.states[name] = gs;
      s += '/' + name + " gs\n";
    }
    for (const layout::Effect* e : k.scales) {
      // About the fragment's centre, which the layer's own transform
      // (the list's scale and offset) puts here.
      float cx = list.dx + list.scale * e->cx, cy = list.dy + list.scale * e->cy;
      op(s, {e->scale, 0, 0, e->scale, cx * (1 - e->scale), cy * (1 - e->scale)}, "cm");
    }
    if (k.alpha < 1) {
      const Form& f = form(k.layer);
      if (!f.dict) return {};
      needs.xobjects[f.name] = f.dict;
      s += '/' + f.name + " Do\n";
    } else {
      s += layer_content(k.layer, needs);
    }
    s += "Q\n";
    return s;
  }

  int unit_id(UnitKey&& key) {
    auto [it, added] = unit_ids_.try_emplace(std::move(key), static_cast<int>(units_.size()));
    if (added) units_.push_back(&it->first);
    return it->second;
  }

  // The units a page draws, bottom to top: its background, then per
  // placement the layers visible at its step, each in its state there.
  std::vector<int> page_units(const compose::Page& p) {
    std::vector<int> out;
    if (p.background.a > 0 && !(p.background == layout::Color{1, 1, 1, 1})) {
      UnitKey bg;  // white is the paper's own colour
      bg.r = p.background.r;
      bg.g = p.background.g;
      bg.b = p.background.b;
      bg.width = p.width;
      bg.height = p.height;
      out.push_back(unit_id(std::move(bg)));
    }
    for (const compose::Placement& pl : p.placed) {
      const layout::DisplayList& list = *pl.list;
      float right = pl.t.tx + list.width * pl.t.scale, bottom = pl.t.ty + list.height * pl.t.scale;
      bool covers = pl.t.tx <= 0.01f && pl.t.ty <= 0.01f && right >= p.width - 0.01f &&
                    bottom >= p.height - 0.01f;
      // The list's groups visible at this step, in the order of their first
      // items, so that what the layout drew first stays underneath.
      for (const LayerKey& group : groups(list)) {
        layout::Item probe;
        probe.step = group.step;
        probe.until = group.until;
        if (!probe.visible_at(pl.step)) continue;
        UnitKey k;
        k.layer = group;
        k.scale = pl.t.scale;
        k.tx = pl.t.tx;
        k.ty = pl.t.ty;
        k.page_height = p.height;
        k.clip = !covers;
        const auto& effects = list.effects[static_cast<size_t>(group.effects)];
        for (size_t i = 0; i < effects.size() && i < 32; ++i) {
          const layout::Effect& e = effects[i];
          if (!e.active(pl.step)) continue;
          if (e.kind == layout::Effect::Kind::Dim)
            k.alpha *= 0.5f;
          else if (e.kind == layout::Effect::Kind::Scale)
            k.scales.push_back(&e);
          else
            k.layer.active |= 1u << i;  // colour and strike: a variant layer
        }
        out.push_back(unit_id(std::move(k)));
      }
    }
    return out;
  }

  // A run of units written as one content stream. A page's /Contents is
  // an array of such streams: a build page reuses the streams of the page
  // before it and adds one with what its step reveals, so a step costs a
  // page object and the new layer's bytes.
  struct Chunk {
    std::vector<int> units;
    HPDF_Dict stream = nullptr;
    Needs needs;
  };

  // The longest chunk that starts at units[i] and can be reused there, or -1.
  int chunk_at(const std::vector<int>& units, size_t i) const {
    auto it = chunk_starts_.find(units[i]);
    if (it == chunk_starts_.end()) return -1;
    // They are kept longest first.
    for (auto c = it->second.begin(); c != it->second.end(); ++c) {
      const std::vector<int>& run = chunks_[static_cast<size_t>(*c)].units;
      if (units.size() - i >= run.size() && std::equal(run.begin(), run.end(), units.begin() + i)) {
        return *c;
      }
    }
    return -1;
  }

  // At most this many streams in a page's /Contents. A slide with many
  // steps would otherwise give its k-th build page k streams, a number of
  // references that grows with the square of the steps; past the bound the
  // page's units are written as one new stream, which the next pages reuse.
  static constexpr size_t max_contents = 32;

  void draw_page(const compose::Page& p) {
    HPDF_Page page = HPDF_AddPage(doc_);
    pages_.push_back(page);
    if (!page) return;
    HPDF_Page_SetWidth(page, p.width);
    HPDF_Page_SetHeight(page, p.height);
    std::vector<int> units = page_units(p);
    // The plan: runs of units, each an existing chunk (chunk >= 0) or new.
    struct Run {
      int chunk = -1;
      size_t begin = 0, end = 0;
    };
    std::vector<Run> plan;
    for (size_t i = 0; i < units.size();) {
      if (int c = chunk_at(units, i); c >= 0) {
        size_t n = chunks_[static_cast<size_t>(c)].units.size();
        plan.push_back({c, i, i + n});
        i += n;
        continue;
      }
      size_t begin = i;
      do {
        ++i;
      } while (i < units.size() && chunk_at(units, i) < 0);
      plan.push_back({-1, begin, i});
    }
    if (plan.size() > max_contents) plan = {{-1, 0, units.size()}};

    auto attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Dict own = attr->contents;  // libharu's stream for the page: the first new chunk
    bool own_used = false;
    std::vector<HPDF_Dict> contents;
    Needs needs;
    for (const Run& r : plan) {
      if (r.chunk >= 0) {
        const Chunk& chunk = chunks_[static_cast<size_t>(r.chunk)];
        contents.push_back(chunk.stream);
        needs.merge(chunk.needs);
        continue;
      }
      Chunk chunk;
      std::string bytes;
      for (size_t i = r.begin; i < r.end; ++i) {
        chunk.units.push_back(units[i]);
        bytes += unit_content(*units_[static_cast<size_t>(units[i])], chunk.needs);
      }
      chunk.stream = own_used ? HPDF_DictStream_New(mmgr(), doc_->xref) : own;
      own_used = true;
      if (!chunk.stream) return;
      queue_.add(chunk.stream, std::move(bytes));
      contents.push_back(chunk.stream);
      needs.merge(chunk.needs);
      std::vector<int>& starting = chunk_starts_[chunk.units.front()];
      auto at = std::find_if(starting.begin(), starting.end(), [&](int c) {
        return chunks_[static_cast<size_t>(c)].units.size() < chunk.units.size();
      });
      starting.insert(at, static_cast<int>(chunks_.size()));
      chunks_.push_back(std::move(chunk));
    }
    if (!own_used) queue_.add(own, {});  // libharu writes it whether or not it is used
    if (!contents.empty() && (contents.size() != 1 || contents.front() != own)) {
      HPDF_Array array = HPDF_Array_New(mmgr());
      for (HPDF_Dict d : contents) HPDF_Array_Add(array, d);
      HPDF_Dict_Add(page, "Contents", array);
    }
    page_resources_.push_back(resources(needs));
  }

  // One resource dictionary per distinct set of names, shared by every
  // page and form that uses that set: the fonts, pictures and opacities
  // of a deck are few, so most decks have one or two.
  HPDF_Dict resources(const Needs& needs) {
    std::string key;
    for (text::FontId id : needs.fonts) key += embedder_->use(id).name + ' ';
    key += '|';
    for (const auto& [name, d] : needs.xobjects) key += name + ' ';
    key += '|';
    for (const auto& [name, d] : needs.states) key += name + ' ';
    auto it = resources_.find(key);
    if (it != resources_.end()) return it->second;
    HPDF_Dict r = HPDF_Dict_New(mmgr());
    HPDF_Xref_Add(doc_->xref, r);
    if (!needs.fonts.empty()) {
      HPDF_Dict fonts = HPDF_Dict_New(mmgr());
      for (text::FontId id : needs.fonts) {
        FontEmbedder::Entry& e = embedder_->use(id);
        HPDF_Dict_Add(fonts, e.name.c_str(), e.type0);
      }
      HPDF_Dict_Add(r, "Font", fonts);
    }
    if (!needs.xobjects.empty()) {
      HPDF_Dict xobjects = HPDF_Dict_New(mmgr());
      for (const auto& [name, d] : needs.xobjects) HPDF_Dict_Add(xobjects, name.c_str(), d);
      HPDF_Dict_Add(r, "XObject", xobjects);
    }
    if (!needs.states.empty()) {
      HPDF_Dict states = HPDF_Dict_New(mmgr());
      for (const auto& [name, d] : needs.states) HPDF_Dict_Add(states, name.c_str(), d);
      HPDF_Dict_Add(r, "ExtGState", states);
    }
    resources_.emplace(key, r);
    return r;
  }

  // Entries every page shares (its size, its resources when all pages use
  // the same) are written once, in the root of the page tree, from which
  // pages inherit them (PDF 32000 7.7.3.4); others stay on each page.
  void page_tree(const std::vector<compose::Page>& pages) {
    bool one_size = std::all_of(pages.begin(), pages.end(), [&](const compose::Page& p) {
      return p.width == pages.front().width && p.height == pages.front().height;
    });
    bool one_resources = std::all_of(page_resources_.begin(), page_resources_.end(),
                                     [&](HPDF_Dict r) { return r == page_resources_.front(); });
    HPDF_Pages root = doc_->root_pages;
    if (pages.empty() || pages_.size() != pages.size() || page_resources_.size() != pages.size() ||
        !root) {
      return;
    }
    for (size_t i = 0; i < pages_.size(); ++i) {
      HPDF_Page page = pages_[i];
      if (one_size) HPDF_Dict_RemoveElement(page, "MediaBox");
      if (one_resources)
        HPDF_Dict_RemoveElement(page, "Resources");
      else
        HPDF_Dict_Add(page, "Resources", page_resources_[i]);
    }
    if (one_size) {
      HPDF_Array box = HPDF_Array_New(mmgr());
      HPDF_Array_AddNumber(box, 0);
      HPDF_Array_AddNumber(box, 0);
      HPDF_Array_AddReal(box, pages.front().width);
      HPDF_Array_AddReal(box, pages.front().height);
      HPDF_Dict_Add(root, "MediaBox", box);
    }
    if (one_resources) HPDF_Dict_Add(root, "Resources", page_resources_.front());
  }

  // A text string object: printable ASCII as a literal (PDFDocEncoding
  // reads it as itself), anything else as UTF-16BE with a byte order mark,
  // which every reader decodes (libharu's own encoders cannot give
  // arbitrary Unicode).
  void* text_string(const std::string& utf8) {
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
      return HPDF_String_New(mmgr(), utf8.c_str(), nullptr);
    }
    std::string bytes = "\xFE\xFF";
    std::string hex = utf16_hex(utf8);
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
      bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    }
    return HPDF_Binary_New(mmgr(), reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                           static_cast<HPDF_UINT>(bytes.size()));
  }

  // A URI as 7-bit ASCII (PDF 32000 12.6.4.7): other bytes percent-encoded.
  static std::string uri_ascii(const std::string& uri) {
    std::string out;
    for (unsigned char c : uri) {
      if (c > 0x20 && c < 0x7F) {
        out.push_back(static_cast<char>(c));
      } else {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%%%02X", c);
        out += buf;
      }
    }
    return out;
  }

  // Outline (one bookmark per slide, a stack's later slides under its
  // first), page labels (every page of slide 3 is "3", of 3.2 "3.2") and
  // link annotations, once every page exists.
  void navigation(const std::vector<compose::Page>& pages) {
    HPDF_Outline top = nullptr;  // the last level-0 entry
    std::vector<std::string> labels;
    bool any_outline = false;
    for (size_t i = 0; i < pages.size() && i < pages_.size(); ++i) {
      const compose::Page& p = pages[i];
      HPDF_Page page = pages_[i];
      if (!p.outline_title.empty()) {
        HPDF_Outline parent = p.outline_level > 0 && top ? top : nullptr;
        HPDF_Outline entry = HPDF_CreateOutline(doc_, parent, "", nullptr);
        if (entry) {
          HPDF_Dict_Add(entry, "Title", text_string(p.outline_title));
          // The destination inside the entry (libharu's would be an object
          // of its own): [page /Fit].
          HPDF_Array dest = HPDF_Array_New(mmgr());
          HPDF_Array_Add(dest, page);
          HPDF_Array_AddName(dest, "Fit");
          HPDF_Dict_Add(entry, "Dest", dest);
          if (!parent) {
            top = entry;
            HPDF_Outline_SetOpened(entry, HPDF_TRUE);
          }
          any_outline = true;
        }
      }
      labels.push_back(p.label);
      for (const compose::Link& link : p.links) {
        // Page space is y-down; annotation rectangles are PDF user space.
        HPDF_Rect r{link.x, p.height - (link.y + link.height), link.x + link.width,
                    p.height - link.y};
        HPDF_Annotation annot = nullptr;
        if (link.page >= 0 && static_cast<size_t>(link.page) < pages_.size()) {
          annot = HPDF_Page_CreateLinkAnnot(
              page, r, HPDF_Page_CreateDestination(pages_[static_cast<size_t>(link.page)]));
        } else if (!link.uri.empty()) {
          annot = HPDF_Page_CreateURILinkAnnot(page, r, uri_ascii(link.uri).c_str());
        }
        if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
      }
    }
    std::vector<LabelRange> label_ranges = page_label_ranges(labels);
    // The number tree: one /Nums array while it fits libharu's array limit
    // (32,767 entries), else leaves of 4,000 ranges under /Kids.
    auto add_range = [&](HPDF_Array into, size_t k) {
      const LabelRange& lr = label_ranges[k];
      HPDF_Array_AddNumber(into, static_cast<HPDF_INT32>(lr.first));
      HPDF_Dict range = HPDF_Dict_New(mmgr());
      if (lr.start > 0) {
        HPDF_Dict_AddName(range, "S", "D");
        if (lr.start != 1) HPDF_Dict_AddNumber(range, "St", static_cast<HPDF_INT32>(lr.start));
      } else {
        HPDF_Dict_Add(range, "P", HPDF_String_New(mmgr(), lr.prefix.c_str(), nullptr));  // ASCII
      }
      HPDF_Array_Add(into, range);
    };
    HPDF_Dict tree = HPDF_Dict_New(mmgr());
    constexpr size_t leaf = 4000;
    if (label_ranges.size() <= leaf) {
      // Made only here: an array libharu's document does not hold is never freed.
      HPDF_Array nums = HPDF_Array_New(mmgr());
      for (size_t k = 0; k < label_ranges.size(); ++k) add_range(nums, k);
      HPDF_Dict_Add(tree, "Nums", nums);
    } else {
      HPDF_Array kids = HPDF_Array_New(mmgr());
      for (size_t start = 0; start < label_ranges.size(); start += leaf) {
        size_t end = std::min(label_ranges.size(), start + leaf);
        HPDF_Dict node = HPDF_Dict_New(mmgr());
        HPDF_Xref_Add(doc_->xref, node);
        HPDF_Array limits = HPDF_Array_New(mmgr());
        HPDF_Array_AddNumber(limits, static_cast<HPDF_INT32>(label_ranges[start].first));
        HPDF_Array_AddNumber(limits, static_cast<HPDF_INT32>(label_ranges[end - 1].first));
        HPDF_Dict_Add(node, "Limits", limits);
        HPDF_Array leaf_nums = HPDF_Array_New(mmgr());
        for (size_t k = start; k < end; ++k) add_range(leaf_nums, k);
        HPDF_Dict_Add(node, "Nums", leaf_nums);
        HPDF_Array_Add(kids, node);
      }
      HPDF_Dict_Add(tree, "Kids", kids);
    }
    HPDF_Dict_Add(doc_->catalog, "PageLabels", tree);
    if (any_outline) HPDF_SetPageMode(doc_, HPDF_PAGE_MODE_USE_OUTLINE);
  }

  void set_info(const DocInfo& info) {
    HPDF_SetInfoAttr(doc_, HPDF_INFO_PRODUCER, "deckpdf (libharu)");
    HPDF_Dict dict = doc_->info;
    if (!dict) return;
    auto text_entry = [&](const char* key, const std::string& value) {
      if (!value.empty()) HPDF_Dict_Add(dict, key, text_string(value));
    };
    text_entry("Title", info.title);
    text_entry("Author", info.author);
    text_entry("Subject", info.subject);
    text_entry("Keywords", info.keywords);
    text_entry("Creator", info.creator);
    if (info.date) {
      std::time_t t = static_cast<std::time_t>(*info.date);
      std::tm tm{};
      gmtime_r(&t, &tm);
      HPDF_Date d{};
      d.year = tm.tm_year + 1900;
      d.month = tm.tm_mon + 1;
      d.day = tm.tm_mday;
      d.hour = tm.tm_hour;
      d.minutes = tm.tm_min;
      d.seconds = tm.tm_sec;
      d.ind = 'Z';
      HPDF_SetInfoDateAttr(doc_, HPDF_INFO_CREATION_DATE, d);
      HPDF_SetInfoDateAttr(doc_, HPDF_INFO_MOD_DATE, d);
    }
  }

  const text::FontSet& fonts_;
  HPDF_Doc doc_ = nullptr;
  std::string error_;
  std::unique_ptr<FontEmbedder> embedder_;
  std::map<std::pair<text::FontId, uint32_t>, EmojiImage> emoji_images_;
  std::map<std::string, std::pair<HPDF_Image, std::string>> pictures_;  // path -> image, name
  std::map<float, std::pair<std::string, HPDF_ExtGState>> alpha_states_;
  std::map<const layout::DisplayList*, std::vector<LayerKey>> groups_;
  std::map<LayerKey, Form> forms_;
  Pen pen_;
  std::map<text::FontId, std::vector<int>> advances_;
  std::vector<std::string_view> pieces_;  // text_item's, kept for its capacity
  std::map<UnitKey, int> unit_ids_;
  std::vector<const UnitKey*> units_;  // by id
  std::vector<Chunk> chunks_;
  std::map<int, std::vector<int>> chunk_starts_;  // first unit -> the chunks starting with it
  std::map<std::string, HPDF_Dict> resources_;
  std::vector<HPDF_Dict> page_resources_;  // per page
  StreamQueue queue_;
  std::vector<HPDF_Page> pages_;
};

}  // namespace

bool pdf_render(const std::vector<compose::Page>& pages, const text::FontSet& fonts,
                const DocInfo& info, std::string& bytes, std::string& error) {
  Writer w(fonts);
  if (!w.render(pages, info, bytes)) {
    error = w.error().empty() ? "the PDF could not be written" : w.error();
    return false;
  }
  return true;
}

}  // namespace deckpdf::pdf
