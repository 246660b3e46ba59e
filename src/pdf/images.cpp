// pdf/images — pictures (decoded by image/) and colour emoji as image
// XObjects, and opacity states: each made once per document however often
// it is drawn. libharu's own picture loaders are never used: they abort on
// a broken PNG and store alpha uncompressed.
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "image/resample.h"
#include "pdf/content.h"
#include "pdf/deflate.h"

namespace deckpdf::pdf {

const ContentWriter::EmojiImage* ContentWriter::emoji_image(text::FontId font, uint32_t glyph) {
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
  HPDF_Image image = HPDF_LoadRawImageFromMem(doc_, reinterpret_cast<const HPDF_BYTE*>(rgb.data()),
                                              w, h, HPDF_CS_DEVICE_RGB, 8);
  HPDF_Image mask = HPDF_LoadRawImageFromMem(doc_, reinterpret_cast<const HPDF_BYTE*>(alpha.data()),
                                             w, h, HPDF_CS_DEVICE_GRAY, 8);
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

namespace {

// An image XObject's dictionary, its stream still empty.
HPDF_Dict image_dict(HPDF_Doc doc, const image::Picture& p, const char* colour_space) {
  HPDF_Dict d = HPDF_DictStream_New(doc->mmgr, doc->xref);
  if (!d) return nullptr;
  HPDF_Dict_AddName(d, "Type", "XObject");
  HPDF_Dict_AddName(d, "Subtype", "Image");
  HPDF_Dict_AddNumber(d, "Width", static_cast<HPDF_INT32>(p.width));
  HPDF_Dict_AddNumber(d, "Height", static_cast<HPDF_INT32>(p.height));
  HPDF_Dict_AddName(d, "ColorSpace", colour_space);
  HPDF_Dict_AddNumber(d, "BitsPerComponent", 8);
  return d;
}

const char* colour_space(int channels) {
  return channels == 1 ? "DeviceGray" : channels == 4 ? "DeviceCMYK" : "DeviceRGB";
}

// CMYK under --pdfa: PDF/A-2 allows DeviceCMYK only with a CMYK output
// intent (ISO 19005-2 6.2.4.3), and ours is sRGB. The inks become a
// DeviceN of the four process colours whose alternate is DeviceRGB, by
// the naive conversion viewers use for DeviceCMYK: r = max(0, 1 - c - k)...
// (a PostScript calculator function, which has no max: c m y k -> r g b).
HPDF_Array cmyk_as_rgb(HPDF_Doc doc) {
  HPDF_MMgr mmgr = doc->mmgr;
  HPDF_Dict fn = HPDF_DictStream_New(mmgr, doc->xref);
  if (!fn) return nullptr;
  HPDF_Dict_AddNumber(fn, "FunctionType", 4);
  HPDF_Array domain = HPDF_Array_New(mmgr), range = HPDF_Array_New(mmgr);
  for (int i = 0; i < 4; ++i) {
    HPDF_Array_AddNumber(domain, 0);
    HPDF_Array_AddNumber(domain, 1);
    if (i == 3) continue;
    HPDF_Array_AddNumber(range, 0);
    HPDF_Array_AddNumber(range, 1);
  }
  HPDF_Dict_Add(fn, "Domain", domain);
  HPDF_Dict_Add(fn, "Range", range);
  const char* code =
      "{3 index 1 index add 1 exch sub dup 0 lt {pop 0} if "
      "3 index 2 index add 1 exch sub dup 0 lt {pop 0} if "
      "3 index 3 index add 1 exch sub dup 0 lt {pop 0} if 7 3 roll pop pop pop pop}";
  HPDF_Stream_Write(fn->stream, reinterpret_cast<const HPDF_BYTE*>(code), std::strlen(code));
  HPDF_Array names = HPDF_Array_New(mmgr);
  for (const char* ink : {"Cyan", "Magenta", "Yellow", "Black"}) HPDF_Array_AddName(names, ink);
  HPDF_Array cs = HPDF_Array_New(mmgr);
  HPDF_Array_AddName(cs, "DeviceN");
  HPDF_Array_Add(cs, names);
  HPDF_Array_AddName(cs, "DeviceRGB");
  HPDF_Array_Add(cs, fn);
  return cs;
}

// The picture as an image XObject: a JPEG's own bytes (DCTDecode), else
// its pixels deflated, with its alpha as a deflated soft mask.
HPDF_Dict picture_object(HPDF_Doc doc, const image::Picture& p, bool pdfa) {
  HPDF_Dict d = image_dict(doc, p, colour_space(p.channels));
  if (!d) return nullptr;
  if (pdfa && p.channels == 4) {
    if (HPDF_Array cs = cmyk_as_rgb(doc)) HPDF_Dict_Add(d, "ColorSpace", cs);
  }
  if (p.format == image::Format::Jpeg) {
    if (p.inverted) {
      HPDF_Array decode = HPDF_Array_New(doc->mmgr);
      for (int i = 0; i < 4; ++i) {
        HPDF_Array_AddNumber(decode, 1);
        HPDF_Array_AddNumber(decode, 0);
      }
      HPDF_Dict_Add(d, "Decode", decode);
    }
    d->filter = HPDF_STREAM_FILTER_DCT_DECODE;
    HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(p.jpeg.data()),
                      static_cast<HPDF_UINT>(p.jpeg.size()));
    return d;
  }
  stream_write_deflated(d, p.pixels);
  if (!p.alpha.empty()) {
    HPDF_Dict mask = image_dict(doc, p, "DeviceGray");
    if (!mask) return nullptr;
    stream_write_deflated(mask, p.alpha);
    HPDF_Dict_Add(d, "SMask", mask);
  }
  return d;
}

}  // namespace

void ContentWriter::picture_sizes(const std::vector<compose::Page>& pages, int dpi) {
  for (const compose::Page& page : pages) {
    for (const compose::Placement& placed : page.placed) {
      // Page units are points: 72 to the inch. (A .grow effect, drawn
      // larger for one step, is not counted.)
      float k = placed.list->scale * placed.t.scale * static_cast<float>(dpi) / 72;
      for (const layout::Item& item : placed.list->items) {
        const auto* im = std::get_if<layout::ImageItem>(&item.v);
        if (!im) continue;
        const image::Picture& p = *im->picture;
        float w = im->width * k, h = im->height * k;
        if (p.turned()) std::swap(w, h);
        auto& need = picture_pixels_[p.hash];
        need.first = std::max(need.first, static_cast<uint32_t>(std::ceil(w)));
        need.second = std::max(need.second, static_cast<uint32_t>(std::ceil(h)));
      }
    }
  }
}

// A picture, one image object per document however often and wherever it
// is drawn (pictures with the same bytes are one Picture, told by its
// hash), placed turned as its EXIF orientation says.
void ContentWriter::picture(std::string& s, float x, float y, const layout::ImageItem& im,
                            Needs& needs) {
  const image::Picture& p = *im.picture;
  auto it = pictures_.find(p.hash);
  if (it == pictures_.end()) {
    std::shared_ptr<const image::Picture> stored = im.picture;
    if (auto need = picture_pixels_.find(p.hash); need != picture_pixels_.end()) {
      stored = image::downsample(im.picture, need->second.first, need->second.second);
    }
    HPDF_Dict object = picture_object(doc_, *stored, pdfa_);
    it = pictures_
             .emplace(p.hash, std::make_pair(object, "Im" + std::to_string(pictures_.size() + 1)))
             .first;
  }
  auto [object, name] = it->second;
  if (!object) {
    color(s, {0.85f, 0.85f, 0.85f, 1}, false);
    op(s, {x, y, im.width, im.height}, "re f");
    return;
  }
  needs.xobjects[name] = object;
  // The image's unit square (a, b), b up, mapped to the box (y down): the
  // shown position is (x + w * p, y + h * q) with p and q affine in a and b,
  // one case per EXIF orientation (EXIF 2.3, tag 0x0112).
  struct Map {
    float pa, pb, pc, qa, qb, qc;
  };
  static constexpr Map maps[9] = {
      {1, 0, 0, 0, -1, 1}, {1, 0, 0, 0, -1, 1}, {-1, 0, 1, 0, -1, 1},
      {-1, 0, 1, 0, 1, 0}, {1, 0, 0, 0, 1, 0},  {0, -1, 1, 1, 0, 0},
      {0, 1, 0, 1, 0, 0},  {0, 1, 0, -1, 0, 1}, {0, -1, 1, -1, 0, 1},
  };
  const Map& m = maps[p.orientation >= 1 && p.orientation <= 8 ? p.orientation : 1];
  float w = im.width, h = im.height;
  s += "q ";
  op(s, {w * m.pa, h * m.qa, w * m.pb, h * m.qb, x + w * m.pc, y + h * m.qc}, "cm");
  s += '/' + name + " Do Q\n";
}

// An ExtGState with fill and stroke opacity `alpha` and its resource
// name, made once per document.
const std::pair<std::string, HPDF_ExtGState>& ContentWriter::alpha_state(float alpha) {
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

}  // namespace deckpdf::pdf
