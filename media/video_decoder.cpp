// libavcodec behind the VideoDecoder interface.
#include "video_decoder.h"

extern "C" {
#include <libavutil/hwcontext.h>
}

#include "media_file.h"

namespace etalase::media {

namespace {

class LibavVideoDecoder final : public VideoDecoder {
 public:
  LibavVideoDecoder(av::CodecContextPtr context, bool hardware)
      : m_context(std::move(context)),
        m_hardware(hardware),
        m_description(std::string(m_context->codec->name) + (hardware ? " (hardware)" : " (software)")) {}

  int send(const AVPacket* packet) override { return avcodec_send_packet(m_context.get(), packet); }

  int receive(AVFrame* frame) override {
    const int rc = avcodec_receive_frame(m_context.get(), frame);
    if (rc < 0 || !frame->hw_frames_ctx) return rc;
    av::FramePtr copy = av::makeFrame();
    if (int copied = av_hwframe_transfer_data(copy.get(), frame, 0); copied < 0) {
      av_frame_unref(frame);
      return copied;
    }
    av_frame_copy_props(copy.get(), frame);
    av_frame_unref(frame);
    av_frame_move_ref(frame, copy.get());
    return 0;
  }

  void flush() override { avcodec_flush_buffers(m_context.get()); }
  bool hardware() const override { return m_hardware; }
  std::string description() const override { return m_description; }

 private:
  av::CodecContextPtr m_context;
  bool m_hardware;
  std::string m_description;
};

Result<VideoDecoderPtr> wrap(Result<av::CodecContextPtr> context, bool hardware) {
  if (!context) return context.error();
  return VideoDecoderPtr(std::make_unique<LibavVideoDecoder>(std::move(context.value()), hardware));
}

}  // namespace

Result<VideoDecoderPtr> openSoftwareVideoDecoder(const MediaFile& file, int stream, int threads) {
  return wrap(openDecoder(file, stream, threads), false);
}

Result<VideoDecoderPtr> openHardwareVideoDecoder(const MediaFile& file, int stream, HardwareDecode mode) {
  return wrap(openHardwareDecoder(file, stream, mode), true);
}

}  // namespace etalase::media
