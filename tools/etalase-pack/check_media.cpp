// Full decoding of one media file.
#include "check_media.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>

#include "kiosk/packs/product_poster.h"
#include "media/media_file.h"
#include "media/still_image.h"

namespace etalase::pack {

namespace {

constexpr auto kReadTimeout = std::chrono::seconds(10);

// How far a video is from its stated length before it counts as cut short (a copy that stopped
// half-way plays fine up to the cut, then the kiosk skips to the next video).
constexpr double kShortfallSeconds = 1.0;

struct StreamDecoder {
  av::CodecContextPtr context;
  const char* kind = "";
  AVRational timeBase{1, 1};
  long frames = 0;
  double endSeconds = 0.0;  // end of the last decoded frame
};

// Takes every frame the decoder has ready.
Result<bool> receiveFrames(const std::string& file, StreamDecoder& stream, AVFrame* frame) {
  for (;;) {
    const int rc = avcodec_receive_frame(stream.context.get(), frame);
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return true;
    if (rc < 0) {
      return Error{file, fmt::format("the {} cannot be decoded after {:.1f} s: {}", stream.kind, stream.endSeconds,
                                     av::errorText(rc))};
    }
    ++stream.frames;
    const int64_t pts = frame->best_effort_timestamp;
    if (pts != AV_NOPTS_VALUE) {
      const double end = static_cast<double>(pts + std::max<int64_t>(frame->pkt_duration, 0)) * av_q2d(stream.timeBase);
      stream.endSeconds = std::max(stream.endSeconds, end);
    }
    av_frame_unref(frame);
  }
}

Result<bool> decodePacket(const std::string& file, StreamDecoder& stream, const AVPacket* packet, AVFrame* frame) {
  const int rc = avcodec_send_packet(stream.context.get(), packet);
  if (rc < 0 && rc != AVERROR_EOF) {
    return Error{file, fmt::format("the {} cannot be decoded after {:.1f} s: {}", stream.kind, stream.endSeconds,
                                   av::errorText(rc))};
  }
  return receiveFrames(file, stream, frame);
}

Result<StreamDecoder> openStream(const media::MediaFile& file, int index, const char* kind) {
  auto context = media::openDecoder(file, index, 0);
  if (!context) return context.error();
  // Stop at damaged data instead of hiding it: the validator is there to find it.
  context.value()->err_recognition |= AV_EF_EXPLODE;
  StreamDecoder stream;
  stream.context = std::move(context.value());
  stream.kind = kind;
  stream.timeBase = file.format()->streams[index]->time_base;
  return stream;
}

Result<bool> checkVideo(media::MediaFile& file) {
  const media::StreamInfo& info = file.info();
  auto video = openStream(file, info.videoStream, "video");
  if (!video) return video.error();
  std::optional<StreamDecoder> audio;
  if (info.audioStream >= 0) {
    auto opened = openStream(file, info.audioStream, "sound");
    if (!opened) return opened.error();
    audio = std::move(opened.value());
  }
  av::PacketPtr packet = av::makePacket();
  av::FramePtr frame = av::makeFrame();
  for (;;) {
    file.watchdog().arm(kReadTimeout);
    const int rc = av_read_frame(file.format(), packet.get());
    if (rc == AVERROR_EOF) break;
    if (rc < 0) {
      return Error{file.path(), fmt::format("reading stops after {:.1f} s: {}", video.value().endSeconds, av::errorText(rc))};
    }
    StreamDecoder* stream = packet->stream_index == info.videoStream                  ? &video.value()
                            : audio && packet->stream_index == info.audioStream ? &*audio
                                                                                 : nullptr;
    Result<bool> decoded = stream ? decodePacket(file.path(), *stream, packet.get(), frame.get()) : Result<bool>(true);
    av_packet_unref(packet.get());
    if (!decoded) return decoded.error();
  }
  for (StreamDecoder* stream : {&video.value(), audio ? &*audio : nullptr}) {
    if (!stream) continue;
    if (auto flushed = decodePacket(file.path(), *stream, nullptr, frame.get()); !flushed) return flushed.error();
  }
  if (video.value().frames == 0) return Error{file.path(), "no video frame could be decoded"};
  // A photo listed among the videos would flash by for one frame.
  if (video.value().frames == 1) return Error{file.path(), "the file holds a single picture, not a video"};
  const AVStream* stream = file.format()->streams[info.videoStream];
  if (stream->duration > 0) {
    const double start = stream->start_time == AV_NOPTS_VALUE ? 0.0 : stream->start_time * av_q2d(stream->time_base);
    const double stated = stream->duration * av_q2d(stream->time_base);
    const double decoded = video.value().endSeconds - start;
    if (decoded < stated - kShortfallSeconds) {
      return Error{file.path(), fmt::format("the video stops at {:.1f} s but should last {:.1f} s (is the file cut short?)",
                                            decoded, stated)};
    }
  }
  return true;
}

}  // namespace

Result<bool> checkMediaFile(const std::string& path, const MediaCheck& check) {
  auto file = media::MediaFile::open(path, kReadTimeout);
  if (!file) return Error{path, "cannot open the file: " + file.error().what};
  if (check.video) return checkVideo(file.value());
  const media::VideoGeometry& geometry = file.value().info().geometry;
  // Refused before decoding: a huge picture would take the board's memory.
  if (geometry.codedWidth > check.maxImageWidth || geometry.codedHeight > check.maxImageHeight) {
    return Error{path, fmt::format("the picture is {}x{} pixels, more than the {}x{} a picture may be",
                                   geometry.codedWidth, geometry.codedHeight, check.maxImageWidth, check.maxImageHeight)};
  }
  auto picture = media::loadStillImage(path, kiosk::kPosterMaxWidth, kiosk::kPosterMaxHeight);
  if (!picture) return Error{path, "cannot decode the picture: " + picture.error().what};
  return true;
}

int runCheckMedia(const std::string& file, const MediaCheck& check) {
  // libav's own messages would bury the one line the validator reads.
  av_log_set_level(AV_LOG_QUIET);
  auto checked = checkMediaFile(file, check);
  if (checked) return 0;
  std::fprintf(stderr, "%s\n", checked.error().what.c_str());
  return 1;
}

}  // namespace etalase::pack
