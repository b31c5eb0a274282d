using System.Text;

namespace Disclosure.Parsing.Tests.Reading.Html;

/// <summary>
/// Random tag soup made of what report pages are made of (tables with spans, unclosed cells and paragraphs, Word's
/// o:p and font tags, site chrome, scripts, entities, stray end tags), for comparing the streaming reader with the DOM
/// reader on inputs no one wrote by hand. Deterministic per seed.
/// </summary>
internal sealed class RandomHtml(int seed)
{
    private static readonly string[] Words =
    [
        "一、总体情况", "规章", "行政许可", "自然人", "商业企业", "12", "0", "1,331", "总计", "（一）予以公开", "abc", "x y",
        "&nbsp;", "&amp;", "&lt;b&gt;", "&#x41;", "&#20013;", "&nbsp", "&copy", "& ", "\u3000", "\u00A0", " ", "\n", "\r\n",
        "\t", "a<b", "<", "&#13;", "－", "  ",
    ];

    private static readonly string[] Inline = ["span", "font", "b", "strong", "a", "o:p", "em", "label", "st1:chsdate", "u", "i", "small"];
    private static readonly string[] Block = ["p", "div", "h1", "h2", "h3", "center", "pre", "blockquote", "section", "article", "address"];
    private static readonly string[] Chrome = ["nav", "header", "footer", "select", "button", "noscript", "iframe", "textarea", "object", "svg"];
    private static readonly string[] Spans = ["1", "2", "3", "0", "abc", " 2", "+2", "-1", "4", ""];

    private readonly Random _random = new(seed);
    private readonly StringBuilder _sb = new();

    public string Next()
    {
        _sb.Clear();
        switch (_random.Next(5))
        {
            case 0:
                _sb.Append("<!DOCTYPE html>");
                break;
            case 1:
                _sb.Append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">");
                break;
            case 2:
                _sb.Append("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">");
                break;
        }

        if (_random.Next(3) > 0)
        {
            _sb.Append("<html><head><meta charset=utf-8>");
            if (_random.Next(2) == 0)
            {
                _sb.Append("<title>").Append(Word()).Append(" 报告</title>");
            }

            if (_random.Next(3) == 0)
            {
                _sb.Append("<script>var a = '<table>'; if (a < 1) {}</script><style>td{}</style>");
            }

            _sb.Append(_random.Next(4) == 0 ? string.Empty : "</head><body>");
        }

        Content(0, _random.Next(8, 30));
        if (_random.Next(2) == 0)
        {
            _sb.Append("</body></html>");
        }

        if (_random.Next(4) == 0)
        {
            _sb.Append(Word());
        }

        return _sb.ToString();
    }

    private string Word() => Words[_random.Next(Words.Length)];

    private string Pick(string[] from) => from[_random.Next(from.Length)];

    private void Content(int depth, int items)
    {
        for (var i = 0; i < items; i++)
        {
            var roll = _random.Next(100);
            if (roll < 30 || depth > 6)
            {
                _sb.Append(Word());
            }
            else if (roll < 45)
            {
                var tag = Pick(Inline);
                _sb.Append('<').Append(tag).Append('>');
                Content(depth + 1, _random.Next(0, 3));
                if (_random.Next(5) > 0)
                {
                    _sb.Append("</").Append(tag).Append('>');
                }
            }
            else if (roll < 58)
            {
                var tag = Pick(Block);
                _sb.Append('<').Append(tag).Append(_random.Next(6) == 0 ? " style=\"text-indent:2em\"" : string.Empty).Append('>');
                Content(depth + 1, _random.Next(0, 4));
                if (_random.Next(4) > 0)
                {
                    _sb.Append("</").Append(tag).Append('>');
                }
            }
            else if (roll < 75)
            {
                Table(depth + 1);
            }
            else if (roll < 79)
            {
                var list = _random.Next(2) == 0 ? "ul" : "ol";
                _sb.Append('<').Append(list).Append('>');
                for (var k = _random.Next(1, 4); k > 0; k--)
                {
                    _sb.Append("<li>");
                    Content(depth + 1, _random.Next(0, 3));
                }

                _sb.Append("</").Append(list).Append('>');
            }
            else if (roll < 84)
            {
                var tag = Pick(Chrome);
                _sb.Append('<').Append(tag).Append('>');
                if (tag is "select")
                {
                    _sb.Append("<option>").Append(Word()).Append("<option>").Append(Word());
                }
                else
                {
                    Content(depth + 1, _random.Next(0, 3));
                }

                if (_random.Next(4) > 0)
                {
                    _sb.Append("</").Append(tag).Append('>');
                }
            }
            else if (roll < 86 && depth == 0)
            {
                // A search box: forms are closed where they are opened (a misnested </form> combined with the adoption
                // agency moves text out of the form, which the streaming reader does not follow).
                _sb.Append("<form action=\"/s\"><input name=q>");
                Content(depth + 1, _random.Next(0, 2));
                _sb.Append("</form>");
            }
            else
            {
                _sb.Append(_random.Next(16) switch
                {
                    0 => "<br>",
                    1 => "</br>",
                    2 => "</p>",
                    3 => "<!-- 注释 <td> -->",
                    4 => "<script type=\"text/javascript\"><!-- document.write('<script src=x></script>'); //--></script>",
                    5 => "</div>",
                    6 => "</td>",
                    7 => "</table>",
                    8 => "<hr>",
                    9 => "<img src=\"a.png\" alt=\"x\">",
                    10 => "<style>p { x: '</p>' }</style>",
                    11 => "<![if !supportLists]>",
                    12 => "<?xml:namespace prefix = o ?>",
                    13 => "</span>",
                    14 => "<input type=hidden value=1>",
                    _ => "<br/>",
                });
            }
        }
    }

    private void Table(int depth)
    {
        _sb.Append(_random.Next(3) == 0 ? "<table border=\"1\" cellspacing=\"0\">" : "<table>");
        if (_random.Next(8) == 0)
        {
            _sb.Append("<caption>").Append(Word()).Append("</caption>");
        }

        if (_random.Next(8) == 0)
        {
            _sb.Append("<colgroup><col width=10><col></colgroup>");
        }

        var sections = _random.Next(1, 3);
        for (var s = 0; s < sections; s++)
        {
            var section = _random.Next(6) switch
            {
                0 => "thead",
                1 => "tfoot",
                2 or 3 => "tbody",
                _ => null,
            };
            if (section is not null)
            {
                _sb.Append('<').Append(section).Append('>');
            }

            for (var r = _random.Next(1, 5); r > 0; r--)
            {
                if (_random.Next(8) > 0)
                {
                    _sb.Append("<tr>");
                }

                if (_random.Next(10) == 0)
                {
                    _sb.Append(Word());
                }

                for (var c = _random.Next(1, 5); c > 0; c--)
                {
                    var cell = _random.Next(6) == 0 ? "th" : "td";
                    _sb.Append('<').Append(cell);
                    if (_random.Next(4) == 0)
                    {
                        _sb.Append(" rowspan=\"").Append(Pick(Spans)).Append('"');
                    }

                    if (_random.Next(4) == 0)
                    {
                        _sb.Append(" colspan=").Append(Pick(Spans).Trim() is { Length: > 0 } v ? v : "2");
                    }

                    _sb.Append('>');
                    if (_random.Next(10) == 0 && depth < 5)
                    {
                        Table(depth + 1);
                    }
                    else
                    {
                        Content(depth + 1, _random.Next(0, 3));
                    }

                    if (_random.Next(3) > 0)
                    {
                        _sb.Append("</").Append(cell).Append('>');
                    }
                }

                if (_random.Next(3) > 0)
                {
                    _sb.Append("</tr>");
                }

                if (_random.Next(12) == 0)
                {
                    _sb.Append(_random.Next(2) == 0 ? "<p>" + Word() + "</p>" : Word());
                }
            }

            if (section is not null && _random.Next(2) == 0)
            {
                _sb.Append("</").Append(section).Append('>');
            }
        }

        if (_random.Next(6) > 0)
        {
            _sb.Append("</table>");
        }
    }
}
