package com.warden.app.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Small real images (PNG, JPEG, GIF, WebP) whose bytes match their format's magic numbers. */
final class ImageFactory {
    record Image(String format, byte[] bytes, int width, int height) { }

    /** A 1x1 lossless WebP: the JDK cannot write WebP, and one valid file is enough to check magic bytes. */
    private static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private ImageFactory() { }

    /** A PNG, GIF, JPEG or WebP, mostly PNG, as image generators return them. */
    static Image make(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 5) {
            return new Image("webp", WEBP_1X1.clone(), 1, 1);
        }
        return draw(random, pick < 55 ? "png" : pick < 85 ? "jpeg" : "gif");
    }

    /** Always a PNG: for files whose name says .png. */
    static Image png(SplittableRandom random) {
        return draw(random, "png");
    }

    private static Image draw(SplittableRandom random, String format) {
        int size = 32 + 16 * random.nextInt(3);
        int type = format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_INT_RGB;
        BufferedImage image = new BufferedImage(size, size, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        int inset = size / 4;
        if (random.nextBoolean()) {
            g.fillOval(inset, inset, size - 2 * inset, size - 2 * inset);
        } else {
            g.fillRoundRect(inset, inset, size - 2 * inset, size - 2 * inset, inset, inset);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Image(format, out.toByteArray(), size, size);
    }
}
