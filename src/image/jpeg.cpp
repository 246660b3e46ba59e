// image/jpeg — a JPEG is drawn as its own bytes (DCTDecode, progressive
// ones too), so it is only read here: its header through libjpeg for the
// size, components and Adobe marker, its EXIF orientation, and its scans
// decoded at 1/8 scale (only the DC coefficients are transformed, cheap)
// so that a truncated or corrupt file is found now, not by a PDF viewer.
// libjpeg reports errors through error_exit, which longjmps here.
// jpeglib.h needs size_t and FILE declared before it.
// clang-format off
#include <csetjmp>
#include <cstddef>
#include <cstdio>
#include <vector>
#include <jerror.h>
#include <jpeglib.h>
// clang-format on

#include "image/decoders.h"
#include "image/exif.h"

namespace deckpdf::image {

namespace {

struct Errors {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  bool truncated = false;
  std::string message;
};

void on_error(j_common_ptr cinfo) {
  auto* e = reinterpret_cast<Errors*>(cinfo->err);
  char text[JMSG_LENGTH_MAX];
  e->mgr.format_message(cinfo, text);
  e->message = text;
  std::longjmp(e->jump, 1);
}

// Warnings are not printed; a file that ends early is remembered.
void on_message(j_common_ptr cinfo, int level) {
  auto* e = reinterpret_cast<Errors*>(cinfo->err);
  if (level < 0 && e->mgr.msg_code == JWRN_JPEG_EOF) e->truncated = true;
}

// A progressive file may hold thousands of tiny scans, each a pass over
// the whole picture: more than any encoder writes is refused.
constexpr int max_scans = 300;
void on_progress(j_common_ptr cinfo) {
  auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (d->input_scan_number > max_scans) {
    auto* e = reinterpret_cast<Errors*>(cinfo->err);
    e->message = "more than " + std::to_string(max_scans) + " scans";
    std::longjmp(e->jump, 1);
  }
}

}  // namespace

bool decode_jpeg(std::string_view bytes, const Limits& limits, Picture& pic, std::string& problem) {
  jpeg_decompress_struct cinfo{};
  Errors errors;
  cinfo.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = on_error;
  errors.mgr.emit_message = on_message;
  jpeg_progress_mgr progress{};
  progress.progress_monitor = on_progress;
  std::vector<JSAMPLE> row;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&cinfo);
    if (problem.empty()) problem = "is a broken JPEG file (" + errors.message + ")";
    return false;
  }
  jpeg_create_decompress(&cinfo);
  cinfo.progress = &progress;
  // Progressive files keep every coefficient in memory: bounded, and
  // refused past the bound rather than swapped.
  cinfo.mem->max_memory_to_use = 512l << 20;
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
  jpeg_read_header(&cinfo, TRUE);
  if (!size_allowed(cinfo.image_width, cinfo.image_height, limits, problem)) {
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  int components = cinfo.num_components;
  if (components != 1 && components != 3 && components != 4) {
    problem = "is a JPEG file with " + std::to_string(components) + " colour components";
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  for (jpeg_saved_marker_ptr m = cinfo.marker_list; m; m = m->next) {
    int o =
        exif_orientation(std::string_view(reinterpret_cast<const char*>(m->data), m->data_length));
    if (o != 1) {
      pic.orientation = o;
      break;
    }
  }
  pic.width = cinfo.image_width;
  pic.height = cinfo.image_height;
  pic.channels = components;
  pic.inverted = components == 4 && cinfo.saw_Adobe_marker;
  cinfo.scale_num = 1;
  cinfo.scale_denom = 8;
  cinfo.dct_method = JDCT_IFAST;
  cinfo.do_fancy_upsampling = FALSE;
  jpeg_start_decompress(&cinfo);
  row.resize(size_t{cinfo.output_width} * static_cast<size_t>(cinfo.output_components));
  JSAMPROW rows[1] = {row.data()};
  while (cinfo.output_scanline < cinfo.output_height && !errors.truncated) {
    jpeg_read_scanlines(&cinfo, rows, 1);
  }
  bool truncated = errors.truncated;
  jpeg_destroy_decompress(&cinfo);
  if (truncated) {
    problem = "is a broken JPEG file (it ends early: truncated)";
    return false;
  }
  pic.jpeg.assign(bytes);
  return true;
}

}  // namespace deckpdf::image
