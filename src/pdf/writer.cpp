#include "pdf/writer.h"

#include <fcntl.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "pdf/fonts.h"
#include "text/utf8.h"

namespace deckpdf::pdf {

namespace {

// ---------------------------------------------------------------------------
// Number formatting: fixed precision, no locale, no "-0".
// ---------------------------------------------------------------------------
void num(std::string& out, double v) {
  double r = std::round(v * 1000.0) / 1000.0;
  if (r == 0) r = 0;
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.3f", r);
  // Trim trailing zeros and a trailing dot.
  while (n > 0 && buf[n - 1] == '0') --n;
  if (n > 0 && buf[n - 1] == '.') --n;
  out.append(buf, static_cast<size_t>(n));
}

class Writer {
 public:
  explicit Writer(const text::FontSet& fonts) : fonts_(fonts) {
    doc_ = HPDF_New(&Writer::on_error, this);
    if (doc_) {
      HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
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
    if (HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &got) !=
            HPDF_OK &&
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
  static void color(std::string& s, const layout::Color& c, bool stroke) {
    num(s, c.r);
    s += ' ';
    num(s, c.g);
    s += ' ';
    num(s, c.b);
    s += stroke ? " RG\n" : " rg\n";
  }

  void text_item(std::string& s, const layout::Item& item, const layout::TextItem& t,
                 std::set<text::FontId>& used) {
    const text::GlyphRun& run = *t.run;
    if (run.glyphs.empty()) return;
    FontEmbedder::Entry& fr = embedder_->use(run.font);
    used.insert(run.font);
    const text::FontFace& face = fonts_.face(run.font);
    float to1000 = 1000.0f / static_cast<float>(face.units_per_em);
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
      embedder_->note_glyph(fr, run.glyphs[i].id, run.glyph_text(i));
    }
    color(s, t.fill, false);
    if (!t.actual_text.empty()) s += "/Span << /ActualText <FEFF" + utf16_hex(t.actual_text) + "> >> BDC\n";
    s += "BT\n/" + fr.name + ' ';
    num(s, run.size);
    s += " Tf\n1 0 0 -1 ";
    num(s, item.x);
    s += ' ';
    num(s, item.y);
    s += " Tm\n[";
    // TJ: glyph ids as 2-byte CIDs; a number moves the pen back by
    // thousandths of the font size, which carries HarfBuzz's advances and
    // x offsets. Glyphs with a y offset (marks) are set with a rise.
    float pending = 0;  // adjustment owed before the next glyph, in 1/1000 em
    bool open_string = false;
    auto close_string = [&] {
      if (open_string) s += '>';
      open_string = false;
    };
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
      const text::Glyph& g = run.glyphs[i];
      float natural = static_cast<float>(face.glyph_advance(g.id)) * to1000;
      float actual = g.x_advance / run.size * 1000.0f;
      float xoff = g.x_offset / run.size * 1000.0f;
      float before = pending - xoff;
      if (std::fabs(before) >= 0.5f) {
        close_string();
        num(s, std::round(before));
        s += ' ';
      }
      if (g.y_offset != 0) {
        close_string();
        s += "] TJ\n";
        num(s, g.y_offset);
        s += " Ts\n[";
      }
      if (!open_string) s += '<';
      open_string = true;
      hex4(s, g.id);
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
    if (!t.actual_text.empty()) s += "EMC\n";
  }

  std::string layer_content(const layout::DisplayList& list, int step,
                            std::set<text::FontId>& used, bool& empty) {
    std::string s;
    empty = true;
    if (list.clip) {
      s += "0 0 ";
      num(s, list.width);
      s += ' ';
      num(s, list.height);
      s += " re W n\n";
    }
    if (list.scale != 1 || list.dx != 0 || list.dy != 0) {
      num(s, list.scale);
      s += " 0 0 ";
      num(s, list.scale);
      s += ' ';
      num(s, list.dx);
      s += ' ';
      num(s, list.dy);
      s += " cm\n";
    }
    for (const layout::Item& item : list.items) {
      if (item.step != step) continue;
      empty = false;
      if (auto* t = std::get_if<layout::TextItem>(&item.v)) {
        text_item(s, item, *t, used);
      } else if (auto* r = std::get_if<layout::RectItem>(&item.v)) {
        if (r->fill.a > 0) {
          color(s, r->fill, false);
          rect(s, item.x, item.y, r->width, r->height);
          s += "f\n";
        }
        if (r->stroke_width > 0) {
          color(s, r->stroke, true);
          num(s, r->stroke_width);
          s += " w\n";
          rect(s, item.x, item.y, r->width, r->height);
          s += "S\n";
        }
      } else if (auto* l = std::get_if<layout::LineItem>(&item.v)) {
        color(s, l->color, true);
        num(s, l->width);
        s += " w\n";
        num(s, item.x);
        s += ' ';
        num(s, item.y);
        s += " m ";
        num(s, l->x2);
        s += ' ';
        num(s, l->y2);
        s += " l S\n";
      } else if (auto* m = std::get_if<layout::MarkerItem>(&item.v)) {
        marker(s, item.x, item.y, *m);
      }
    }
    return s;
  }

  static void rect(std::string& s, float x, float y, float w, float h) {
    num(s, x);
    s += ' ';
    num(s, y);
    s += ' ';
    num(s, w);
    s += ' ';
    num(s, h);
    s += " re\n";
  }

  static void marker(std::string& s, float cx, float cy, const layout::MarkerItem& m) {
    float r = m.size / 2;
    if (m.shape == layout::MarkerItem::Shape::Square) {
      color(s, m.color, false);
      rect(s, cx - r, cy - r, m.size, m.size);
      s += "f\n";
      return;
    }
    // A circle from four Bezier arcs.
    const float k = 0.5523f * r;
    auto pt = [&](float x, float y) {
      num(s, x);
      s += ' ';
      num(s, y);
      s += ' ';
    };
    bool fill = m.shape == layout::MarkerItem::Shape::Disc;
    color(s, m.color, !fill);
    if (!fill) {
      num(s, m.size * 0.12f);
      s += " w\n";
    }
    pt(cx + r, cy);
    s += "m ";
    pt(cx + r, cy + k), pt(cx + k, cy + r), pt(cx, cy + r);
    s += "c ";
    pt(cx - k, cy + r), pt(cx - r, cy + k), pt(cx - r, cy);
    s += "c ";
    pt(cx - r, cy - k), pt(cx - k, cy - r), pt(cx, cy - r);
    s += "c ";
    pt(cx + k, cy - r), pt(cx + r, cy - k), pt(cx + r, cy);
    s += fill ? "c f\n" : "c S\n";
  }

  // One Form XObject per (display list, step); nullptr for an empty layer.
  HPDF_Dict layer(const layout::DisplayList& list, int step) {
    auto key = std::make_pair(&list, step);
    auto it = layers_.find(key);
    if (it != layers_.end()) return it->second;
    std::set<text::FontId> used;
    bool empty = true;
    std::string content = layer_content(list, step, used, empty);
    HPDF_Dict form = nullptr;
    if (!empty) {
      form = HPDF_DictStream_New(mmgr(), doc_->xref);
      if (!form) return layers_[key] = nullptr;
      form->header.obj_class = HPDF_OSUBCLASS_XOBJECT | HPDF_OCLASS_DICT;
      form->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
      HPDF_Dict_AddName(form, "Type", "XObject");
      HPDF_Dict_AddName(form, "Subtype", "Form");
      HPDF_Array bbox = HPDF_Array_New(mmgr());
      HPDF_Array_AddReal(bbox, 0);
      HPDF_Array_AddReal(bbox, 0);
      HPDF_Array_AddReal(bbox, list.width);
      HPDF_Array_AddReal(bbox, list.height);
      HPDF_Dict_Add(form, "BBox", bbox);
      HPDF_Dict resources = HPDF_Dict_New(mmgr());
      if (!used.empty()) {
        HPDF_Dict font_dict = HPDF_Dict_New(mmgr());
        for (text::FontId id : used) {
          FontEmbedder::Entry& fr = embedder_->use(id);
          HPDF_Dict_Add(font_dict, fr.name.c_str(), fr.type0);
        }
        HPDF_Dict_Add(resources, "Font", font_dict);
      }
      HPDF_Dict_Add(form, "Resources", resources);
      HPDF_Stream_Write(form->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                        static_cast<HPDF_UINT>(content.size()));
    }
    return layers_[key] = form;
  }

  void draw_page(const compose::Page& p) {
    HPDF_Page page = HPDF_AddPage(doc_);
    if (!page) return;
    HPDF_Page_SetWidth(page, p.width);
    HPDF_Page_SetHeight(page, p.height);
    if (p.background.a > 0) {
      HPDF_Page_SetRGBFill(page, p.background.r, p.background.g, p.background.b);
      HPDF_Page_Rectangle(page, 0, 0, p.width, p.height);
      HPDF_Page_Fill(page);
    }
    for (const compose::Placement& pl : p.placed) {
      // Page space is y-down from the top-left; PDF is y-up.
      HPDF_Page_GSave(page);
      HPDF_Page_Concat(page, pl.t.scale, 0, 0, -pl.t.scale, pl.t.tx, p.height - pl.t.ty);
      for (int step = 0; step <= pl.up_to_step; ++step) {
        if (HPDF_Dict form = layer(*pl.list, step)) HPDF_Page_ExecuteXObject(page, form);
      }
      HPDF_Page_GRestore(page);
    }
  }

  void set_info(const DocInfo& info) {
    HPDF_SetInfoAttr(doc_, HPDF_INFO_PRODUCER, "deckpdf (libharu)");
    HPDF_Dict dict = doc_->info;
    if (!dict) return;
    auto text_entry = [&](const char* key, const std::string& value) {
      if (value.empty()) return;
      std::string bytes = "\xFE\xFF";
      std::string hex = utf16_hex(value);
      for (size_t i = 0; i + 1 < hex.size(); i += 2) {
        bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
      }
      HPDF_Dict_Add(dict, key,
                    HPDF_Binary_New(mmgr(), reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                    static_cast<HPDF_UINT>(bytes.size())));
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
  std::map<std::pair<const layout::DisplayList*, int>, HPDF_Dict> layers_;
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

bool file_write_atomic(const std::string& path, const std::string& bytes, std::string& error) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string templ = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(templ.data());
  if (fd < 0) {
    error = "cannot create a temporary file in '" + dir.string() + "': " + std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = "cannot write '" + templ + "': " + std::strerror(errno);
      ::close(fd);
      ::unlink(templ.c_str());
      return false;
    }
    done += static_cast<size_t>(n);
  }
  // A new file gets the usual permissions (0666 less the umask), as if it
  // had been opened normally; mkstemp makes it 0600.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error = "cannot write '" + templ + "': " + std::strerror(errno);
    ::unlink(templ.c_str());
    return false;
  }
  if (std::rename(templ.c_str(), path.c_str()) != 0) {
    error = "cannot replace '" + path + "': " + std::strerror(errno);
    ::unlink(templ.c_str());
    return false;
  }
  return true;
}

}  // namespace deckpdf::pdf
