// pdf/images — pictures and colour emoji as image XObjects, and opacity
// states: each made once per document however often it is drawn.
#include <hpdf_doc.h>

#include <cmath>

#include "pdf/content.h"

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

// A PNG or JPEG file, loaded once per document however often it is drawn.
// libharu decodes it; a file that fails to decode (layout only probed its
// header) becomes a grey box rather than failing the export.
void ContentWriter::picture(std::string& s, float x, float y, const layout::ImageItem& im,
                            Needs& needs) {
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
