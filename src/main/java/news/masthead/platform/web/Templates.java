package news.masthead.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import java.util.Map;

/** The precompiled jte templates of every feature ({@code src/main/jte}). */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a template with named parameters to UTF-8 bytes. */
    public byte[] render(String name, Map<String, Object> params) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(name, params, out);
        return out.toByteArray();
    }

    /** Renders a template whose only parameter is {@code model}. */
    public byte[] render(String name, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(name, model, out);
        return out.toByteArray();
    }
}
