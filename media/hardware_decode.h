// Hardware video decoding: V4L2 mem2mem decoders on boards, VAAPI or DRM hwaccels on PCs, tried
// in that order when asked for "auto", with a clean fall-back to software decoding whenever the
// machine cannot do it. video_decoder.h copies their frames to system memory for upload.
// Thread-agnostic (each call works on its own decoder).
#pragma once

#include <string>

#include "av_ptr.h"
#include "error.h"

namespace etalase::media {

enum class HardwareDecode { Off, Auto, Vaapi, Drm, V4l2m2m };

// "off", "auto", "vaapi", "drm", "v4l2m2m"; nullopt-like Error for anything else.
Result<HardwareDecode> parseHardwareDecode(const std::string& text);
const char* hardwareDecodeName(HardwareDecode mode);

class MediaFile;

// Opens a hardware decoder for the stream as `mode` asks, or returns an Error saying why not
// (no device, codec not supported...); the caller then opens a software decoder.
Result<av::CodecContextPtr> openHardwareDecoder(const MediaFile& file, int index, HardwareDecode mode);

}  // namespace etalase::media
