// image/gif — a GIF's first frame through giflib, record by record (never
// DGifSlurp, which would read every frame of an animation), on a canvas of
// the logical screen's size; the frame's transparent index is alpha.
#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "image/decoders.h"

namespace deckpdf::image {

namespace {

struct Reader {
  std::string_view bytes;
  size_t at = 0;
};

int read_bytes(GifFileType* gif, GifByteType* out, int n) {
  auto* r = static_cast<Reader*>(gif->UserData);
  size_t k = std::min(static_cast<size_t>(std::max(n, 0)), r->bytes.size() - r->at);
  std::memcpy(out, r->bytes.data() + r->at, k);
  r->at += k;
  return static_cast<int>(k);
}

struct Closer {
  GifFileType* gif;
  ~Closer() {
    int error = 0;
    if (gif) DGifCloseFile(gif, &error);
  }
};

}  // namespace

bool decode_gif(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem) {
  Reader reader{bytes, 0};
  int error = 0;
  GifFileType* gif = DGifOpen(&reader, read_bytes, &error);
  Closer closer{gif};
  auto fail = [&](int code) {
    const char* why = GifErrorString(code);
    problem = std::string("is a broken GIF file (") + (why ? why : "unreadable") + ")";
    return false;
  };
  if (!gif) return fail(error);
  int transparent = -1;
  for (int guard = 0; guard < 100000; ++guard) {
    GifRecordType type;
    if (DGifGetRecordType(gif, &type) == GIF_ERROR) return fail(gif->Error);
    if (type == TERMINATE_RECORD_TYPE) break;
    if (type == EXTENSION_RECORD_TYPE) {
      int code = 0;
      GifByteType* ext = nullptr;
      if (DGifGetExtension(gif, &code, &ext) == GIF_ERROR) return fail(gif->Error);
      if (code == GRAPHICS_EXT_FUNC_CODE && ext && ext[0] == 4) {
        GraphicsControlBlock gcb;
        if (DGifExtensionToGCB(ext[0], ext + 1, &gcb) == GIF_OK) transparent = gcb.TransparentColor;
      }
      while (ext) {
        if (DGifGetExtensionNext(gif, &ext) == GIF_ERROR) return fail(gif->Error);
      }
      continue;
    }
    if (type != IMAGE_DESC_RECORD_TYPE) continue;
    if (DGifGetImageDesc(gif) == GIF_ERROR) return fail(gif->Error);
    const GifImageDesc& frame = gif->Image;
    uint32_t cw = gif->SWidth > 0 ? static_cast<uint32_t>(gif->SWidth) : frame.Width;
    uint32_t ch = gif->SHeight > 0 ? static_cast<uint32_t>(gif->SHeight) : frame.Height;
    if (!size_allowed(cw, ch, limits, problem) || frame.Width <= 0 || frame.Height <= 0 ||
        !size_allowed(static_cast<uint32_t>(frame.Width), static_cast<uint32_t>(frame.Height),
                      limits, problem)) {
      if (problem.empty()) problem = "is a GIF file whose first frame has no pixels";
      return false;
    }
    const ColorMapObject* map = frame.ColorMap ? frame.ColorMap : gif->SColorMap;
    if (!map || !map->Colors) {
      problem = "is a broken GIF file (no colour table)";
      return false;
    }
    // The canvas starts transparent; the frame is drawn at its offset.
    std::string rgba(size_t{cw} * ch * 4, '\0');
    std::vector<GifPixelType> line(static_cast<size_t>(frame.Width));
    std::vector<int> order;  // the rows in the order they are stored
    if (frame.Interlace) {
      for (auto [start, step] : {std::pair{0, 8}, {4, 8}, {2, 4}, {1, 2}}) {
        for (int y = start; y < frame.Height; y += step) order.push_back(y);
      }
    } else {
      for (int y = 0; y < frame.Height; ++y) order.push_back(y);
    }
    for (int y : order) {
      if (DGifGetLine(gif, line.data(), frame.Width) == GIF_ERROR) return fail(gif->Error);
      long cy = long{frame.Top} + y;
      if (cy < 0 || cy >= long{ch}) continue;
      for (int x = 0; x < frame.Width; ++x) {
        long cx = long{frame.Left} + x;
        int index = line[static_cast<size_t>(x)];
        if (cx < 0 || cx >= long{cw} || index == transparent || index >= map->ColorCount) continue;
        char* p = rgba.data() + (static_cast<size_t>(cy) * cw + static_cast<size_t>(cx)) * 4;
        const GifColorType& c = map->Colors[index];
        p[0] = static_cast<char>(c.Red);
        p[1] = static_cast<char>(c.Green);
        p[2] = static_cast<char>(c.Blue);
        p[3] = static_cast<char>(255);
      }
    }
    pic.width = cw;
    pic.height = ch;
    split_alpha(rgba, 4, pic);
    return true;
  }
  problem = "is a GIF file without a picture";
  return false;
}

}  // namespace deckpdf::image
