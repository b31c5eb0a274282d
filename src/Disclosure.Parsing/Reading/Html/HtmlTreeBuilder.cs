using System.Numerics;
using Disclosure.Parsing.Layout;

namespace Disclosure.Parsing.Reading.Html;

/// <summary>
/// The HTML tree-construction rules (insertion modes, implied end tags, scopes, text moved out of tables), applied to
/// the stack of open elements only: no document is built. Each element it opens or closes and each run of text it
/// inserts goes straight to the <see cref="LayoutAssembler"/>.
/// <para>
/// The rules are AngleSharp 1.10's, which the reader used to build its DOM with, where they differ from the spec
/// (its select parsing, an end tag of either cell closing the open cell, names compared whatever their namespace).
/// </para>
/// <para>
/// Every step costs O(1) amortised however deep the page nests: "has an element in scope" and "is a special element
/// open inside it", which the rules answer by walking down the stack, are answered from chains linking each open
/// element to the next one below of the same name or category.
/// </para>
/// <para>
/// The list of active formatting elements is kept (its last <see cref="MaxFormatting"/> entries): reopening them can
/// put text inside a form that has already ended. The adoption agency is followed on the stack and that list, not in
/// a document: where it moves a block out of a skipped inline element (canvas), the block's earlier text stays
/// skipped. Left out, because they hold no report text: frameset documents and template contents.
/// </para>
/// </summary>
internal sealed class HtmlTreeBuilder
{
    private const TagFlags Chains = TagFlags.Special | TagFlags.Scope | TagFlags.ButtonScope | TagFlags.ListScope
        | TagFlags.Mode | TagFlags.Heading | TagFlags.SpecialNotAdp | TagFlags.Html | TagFlags.Section | TagFlags.Cell
        | TagFlags.SelectScope | TagFlags.TableElement;

    private const int ChainCount = 12;

    /// <summary>
    /// Formatting elements remembered for reopening (after the last marker): a bound, so that reopening costs a constant
    /// per token; pages stay far below it (Noah's Ark keeps three of each tag and attribute set).
    /// </summary>
    private const int MaxFormatting = 32;

    /// <summary>
    /// The most elements open at once (the tree is flattened far earlier, at <see cref="LayoutAssembler.MaxDepth"/>;
    /// this bounds the parser's own memory, about 200 bytes per open element).
    /// </summary>
    private const int MaxOpenElements = 1 << 16;

    private const int NoForm = -1;
    private const int FormClosed = -2;

    private readonly HtmlScanner _scanner;
    private readonly LayoutAssembler _layout;
    private readonly NameTable _names;
    private readonly CancellationToken _cancellationToken;
    private readonly int[] _top = new int[ChainCount];
    private readonly List<Formatting> _formatting = [];
    private Entry[] _stack = new Entry[64];
    private int[] _prev = new int[64 * ChainCount];
    private int[] _topByName = [];
    private int _count;
    private Phase _phase;
    private bool _quirks;
    private bool _foster;
    private bool _fosterNextToken;
    private bool _dropNewline;
    private bool _textMode;
    private bool _titleText;
    private bool _titleSeen;
    private string? _title;
    private int _templateDepth;
    private int _serial;

    // The form element pointer: the open form's index, NoForm, or FormClosed (set, its element no longer open).
    private int _form = NoForm;

    public HtmlTreeBuilder(string html, HtmlReaderOptions options, CancellationToken cancellationToken)
    {
        _names = new NameTable();
        _scanner = new HtmlScanner(html, _names);
        _layout = new LayoutAssembler(options, _names);
        _cancellationToken = cancellationToken;
        Array.Fill(_top, -1);
    }

    private enum Phase : byte
    {
        Initial,
        BeforeHtml,
        BeforeHead,
        InHead,
        InHeadNoscript,
        AfterHead,
        Body,
        Frameset,
    }

    private enum Mode : byte
    {
        InBody,
        InTable,
        InCaption,
        InColumnGroup,
        InTableBody,
        InRow,
        InCell,
        InSelect,
        InSelectInTable,
    }

    private enum Ns : byte
    {
        Html,
        Svg,
        MathMl,
    }

    private ref Entry Current => ref _stack[_count - 1];

    private int CurrentIndex => _count - 1;

    private Tag TokenTag => NameTable.TagOf(_scanner.Name);

    public LayoutDocument Build()
    {
        var tokens = 0;
        while (true)
        {
            if ((++tokens & 0xFFF) == 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
            }

            _scanner.AllowCData = _count > 0 && Current.Ns != Ns.Html;
            var kind = _scanner.Next();
            if (_dropNewline)
            {
                // A newline right after <pre>, <listing> or <textarea> is not content.
                _dropNewline = false;
                if (kind == TokenKind.Text && _scanner.Text is ['\n', ..])
                {
                    _scanner.SkipFirstChar();
                }
            }

            if (_textMode)
            {
                _textMode = TextModeToken(kind);
            }
            else if (_templateDepth > 0)
            {
                SkipTemplateToken(kind);
            }
            else
            {
                var foster = _fosterNextToken;
                _fosterNextToken = false;
                _foster = foster;
                if (kind == TokenKind.Text)
                {
                    ProcessText(_scanner.Text);
                }
                else if (kind != TokenKind.EndOfFile)
                {
                    Process(kind);
                }

                _foster = false;
            }

            if (kind == TokenKind.EndOfFile)
            {
                break;
            }
        }

        // At the end of the input the open elements end, innermost first.
        while (_count > 0)
        {
            PopRaw();
        }

        return _layout.Finish(_title);
    }

    // ---- tokens -----------------------------------------------------------------------------------------------

    /// <summary>Content of a raw-text element (script, style, title, textarea ...), then its end tag.</summary>
    private bool TextModeToken(TokenKind kind)
    {
        if (kind == TokenKind.Text)
        {
            if (_titleText)
            {
                _title += _scanner.Text.ToString();
            }

            _layout.Text(CurrentIndex, _scanner.Text);
            return true;
        }

        _titleText = false;
        Pop();
        return false;
    }

    private void SkipTemplateToken(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind == TokenKind.StartTag)
        {
            if (tag == Tag.Template)
            {
                _templateDepth++;
            }
            else if (RawStateOf(tag) is var raw and not RawState.None)
            {
                _scanner.SwitchTo(raw, _scanner.Name);
            }
        }
        else if (kind == TokenKind.EndTag && tag == Tag.Template)
        {
            _templateDepth--;
        }
    }

    private void Process(TokenKind kind)
    {
        // A token is reprocessed when a rule says so (in a new mode); the guard only bounds a cycle a bug could make.
        for (var guard = 0; guard < 16; guard++)
        {
            if (Dispatch(kind))
            {
                return;
            }
        }
    }

    private bool Dispatch(TokenKind kind)
    {
        switch (_phase)
        {
            case Phase.Initial:
                if (kind == TokenKind.Doctype)
                {
                    _quirks = _scanner.QuirksDoctype;
                    _phase = Phase.BeforeHtml;
                    return true;
                }

                if (kind == TokenKind.Comment)
                {
                    return true;
                }

                _quirks = true;
                _phase = Phase.BeforeHtml;
                return false;
            case Phase.BeforeHtml:
                return BeforeHtml(kind);
            case Phase.BeforeHead:
                return BeforeHead(kind);
            case Phase.InHead:
                return InHead(kind);
            case Phase.InHeadNoscript:
                return InHeadNoscript(kind);
            case Phase.AfterHead:
                return AfterHead(kind);
            case Phase.Frameset:
                return true;
        }

        return Current.Ns != Ns.Html && !HtmlRulesApply(kind) ? ForeignContent(kind) : DispatchHtml(kind);
    }

    private bool DispatchHtml(TokenKind kind) => CurrentMode() switch
    {
        Mode.InTable => InTable(kind),
        Mode.InCaption => InCaption(kind),
        Mode.InColumnGroup => InColumnGroup(kind),
        Mode.InTableBody => InTableBody(kind),
        Mode.InRow => InRow(kind),
        Mode.InCell => InCell(kind),
        Mode.InSelect => InSelect(kind),
        Mode.InSelectInTable => InSelectInTable(kind),
        _ => InBody(kind),
    };

    private void ProcessText(ReadOnlySpan<char> text)
    {
        for (var guard = 0; guard < 16 && !text.IsEmpty; guard++)
        {
            if (_phase != Phase.Body)
            {
                // Before the body, whitespace is dropped; the first other character opens the body.
                text = text.TrimStart(" \t\n\f\r");
                if (text.IsEmpty || _phase == Phase.Frameset)
                {
                    return;
                }

                Dispatch(TokenKind.Text);
                continue;
            }

            if (Current.Ns != Ns.Html && !HtmlRulesApply(TokenKind.Text))
            {
                _layout.Text(CurrentIndex, text);
                return;
            }

            switch (CurrentMode())
            {
                case Mode.InTable or Mode.InTableBody or Mode.InRow:
                    // "In table text": whitespace stays in the table, anything else moves out before it.
                    if (!IsTableContext(in Current) || text.ContainsAnyExcept(" \t\n\f\r"))
                    {
                        var outer = _foster;
                        _foster = true;
                        ReconstructFormatting();
                        InsertText(text, foster: true);
                        _foster = outer;
                    }

                    return;
                case Mode.InColumnGroup:
                    text = text.TrimStart(" \t\n\f\r");
                    if (text.IsEmpty || Current.Name != (int)Tag.Colgroup)
                    {
                        return;
                    }

                    Pop();
                    continue;
                case Mode.InSelect or Mode.InSelectInTable:
                    InsertText(text, _foster);
                    return;
                default:
                    ReconstructFormatting();
                    InsertText(text, _foster);
                    return;
            }
        }
    }

    private void InsertText(ReadOnlySpan<char> text, bool foster)
    {
        if (foster && IsTableContext(in Current) && InnermostTable() >= 0)
        {
            _layout.FosterText(InnermostTable(), text);
        }
        else
        {
            _layout.Text(CurrentIndex, text);
        }
    }

    // ---- before the body --------------------------------------------------------------------------------------

    private bool BeforeHtml(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind is TokenKind.Doctype or TokenKind.Comment
            || (kind == TokenKind.EndTag && tag is not (Tag.Head or Tag.Body or Tag.Html or Tag.Br)))
        {
            return true;
        }

        PushOutside((int)Tag.Html);
        _phase = Phase.BeforeHead;
        return kind == TokenKind.StartTag && tag == Tag.Html;
    }

    private bool BeforeHead(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind is TokenKind.Doctype or TokenKind.Comment
            || (kind == TokenKind.StartTag && tag == Tag.Html)
            || (kind == TokenKind.EndTag && tag is not (Tag.Head or Tag.Body or Tag.Html or Tag.Br)))
        {
            return true;
        }

        PushOutside((int)Tag.Head);
        _phase = Phase.InHead;
        return kind == TokenKind.StartTag && tag == Tag.Head;
    }

    private bool InHead(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind is TokenKind.Doctype or TokenKind.Comment)
        {
            return true;
        }

        if (kind == TokenKind.StartTag)
        {
            switch (tag)
            {
                case Tag.Html or Tag.Head:
                    return true;
                case Tag.Noscript:
                    PushOutside(_scanner.Name);
                    _phase = Phase.InHeadNoscript;
                    return true;
                case Tag.Base or Tag.Basefont or Tag.Bgsound or Tag.Link or Tag.Meta or Tag.Title or Tag.Noframes
                    or Tag.Style or Tag.Script or Tag.Template:
                    HeadElement(tag);
                    return true;
            }
        }
        else if (kind == TokenKind.EndTag)
        {
            if (tag == Tag.Head)
            {
                Pop();
                _phase = Phase.AfterHead;
                return true;
            }

            if (tag is not (Tag.Body or Tag.Html or Tag.Br))
            {
                return true;
            }
        }

        Pop();
        _phase = Phase.AfterHead;
        return false;
    }

    private bool InHeadNoscript(TokenKind kind)
    {
        var tag = TokenTag;
        switch (kind)
        {
            case TokenKind.Doctype or TokenKind.Comment:
                return true;
            case TokenKind.StartTag when tag is Tag.Html or Tag.Head or Tag.Noscript:
                return true;
            case TokenKind.StartTag when tag is Tag.Basefont or Tag.Bgsound or Tag.Link or Tag.Meta or Tag.Noframes or Tag.Style:
                HeadElement(tag);
                return true;
            case TokenKind.EndTag when tag == Tag.Noscript:
                Pop();
                _phase = Phase.InHead;
                return true;
            case TokenKind.EndTag when tag != Tag.Br:
                return true;
        }

        Pop();
        _phase = Phase.InHead;
        return false;
    }

    private bool AfterHead(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind is TokenKind.Doctype or TokenKind.Comment)
        {
            return true;
        }

        if (kind == TokenKind.StartTag)
        {
            switch (tag)
            {
                case Tag.Html or Tag.Head:
                    return true;
                case Tag.Body:
                    OpenBody();
                    return true;
                case Tag.Frameset:
                    _phase = Phase.Frameset;
                    return true;
                case Tag.Base or Tag.Basefont or Tag.Bgsound or Tag.Link or Tag.Meta or Tag.Noframes or Tag.Script
                    or Tag.Style or Tag.Title:
                    // Still the head's, though its end tag has passed.
                    HeadElement(tag);
                    return true;
            }
        }
        else if (kind == TokenKind.EndTag && tag is not (Tag.Body or Tag.Html or Tag.Br))
        {
            return true;
        }

        OpenBody();
        return false;
    }

    private void OpenBody()
    {
        _phase = Phase.Body;
        _layout.OpenBody(PushEntry((int)Tag.Body, Ns.Html, known: true));
    }

    /// <summary>An element the head may hold, where it stands (in the head, or in the body where a page puts it).</summary>
    private void HeadElement(Tag tag)
    {
        switch (tag)
        {
            case Tag.Template:
                _templateDepth = 1;
                return;
            case Tag.Base or Tag.Basefont or Tag.Bgsound or Tag.Link or Tag.Meta:
                if (_phase == Phase.Body)
                {
                    InsertVoid();
                }

                return;
        }

        if (_phase == Phase.Body)
        {
            Insert();
        }
        else
        {
            PushOutside(_scanner.Name);
        }

        if (tag == Tag.Title && !_titleSeen)
        {
            // The document's title is the first title element's text, wherever it stands.
            _titleSeen = true;
            _titleText = true;
            _title = string.Empty;
        }

        StartRawText(tag);
    }

    // ---- in body ----------------------------------------------------------------------------------------------

    private bool InBody(TokenKind kind) => kind switch
    {
        TokenKind.StartTag => InBodyStart(),
        TokenKind.EndTag => InBodyEnd(),
        _ => true,
    };

    private bool InBodyStart()
    {
        var tag = TokenTag;
        if ((NameTable.FlagsOf(tag) & TagFlags.ClosesP) != 0)
        {
            CloseParagraphInButtonScope();
            Insert();
            return true;
        }

        switch (tag)
        {
            case Tag.Html or Tag.Body or Tag.Frameset or Tag.Isindex:
                return true;
            case Tag.Base or Tag.Basefont or Tag.Bgsound or Tag.Link or Tag.Meta or Tag.Noframes or Tag.Script
                or Tag.Style or Tag.Template or Tag.Title:
                HeadElement(tag);
                return true;
            case Tag.H1 or Tag.H2 or Tag.H3 or Tag.H4 or Tag.H5 or Tag.H6:
                CloseParagraphInButtonScope();
                if ((Current.Flags & TagFlags.Heading) != 0)
                {
                    Pop();
                }

                Insert();
                return true;
            case Tag.Pre or Tag.Listing:
                CloseParagraphInButtonScope();
                Insert();

                // AngleSharp reads the next token right away (to drop a leading newline), still moving elements out of a
                // table if this one was: a cell can land before the table.
                _fosterNextToken = _foster;
                _dropNewline = true;
                return true;
            case Tag.Form:
                if (_form == NoForm)
                {
                    CloseParagraphInButtonScope();
                    _form = Insert();
                }

                return true;
            case Tag.Li:
                CloseListItem(isLi: true);
                CloseParagraphInButtonScope();
                Insert();
                return true;
            case Tag.Dd or Tag.Dt:
                CloseListItem(isLi: false);
                CloseParagraphInButtonScope();
                Insert();
                return true;
            case Tag.A:
                // An open a ends where another starts.
                var open = FindFormatting((int)Tag.A);
                if (open >= 0)
                {
                    var entry = _formatting[open];
                    FormattingEndTag((int)Tag.A);
                    RemoveFormattingEntry(entry.Serial);
                    if (IsOpen(entry))
                    {
                        RemoveElement(entry.StackIndex);
                    }
                }

                ReconstructFormatting();
                AddFormatting(Insert());
                return true;
            case Tag.B or Tag.Big or Tag.Code or Tag.Em or Tag.Font or Tag.I or Tag.S or Tag.Small or Tag.Strike
                or Tag.Strong or Tag.Tt or Tag.U:
                ReconstructFormatting();
                AddFormatting(Insert());
                return true;
            case Tag.Nobr:
                ReconstructFormatting();
                if (InScope((int)Tag.Nobr))
                {
                    FormattingEndTag((int)Tag.Nobr);
                    ReconstructFormatting();
                }

                AddFormatting(Insert());
                return true;
            case Tag.Applet or Tag.Marquee or Tag.Object:
                ReconstructFormatting();
                Insert();
                _formatting.Add(Formatting.Marker);
                return true;
            case Tag.Plaintext:
                CloseParagraphInButtonScope();
                Insert();
                _scanner.SwitchTo(RawState.PlainText, _scanner.Name);
                return true;
            case Tag.Button:
                if (InScope((int)Tag.Button))
                {
                    GenerateImpliedEndTags();
                    PopUntilName((int)Tag.Button);
                }

                ReconstructFormatting();
                Insert();
                return true;
            case Tag.Table:
                if (!_quirks)
                {
                    CloseParagraphInButtonScope();
                }

                Insert();
                return true;
            case Tag.Area or Tag.Br or Tag.Embed or Tag.Img or Tag.Image or Tag.Keygen or Tag.Wbr or Tag.Input:
                ReconstructFormatting();
                InsertVoid();
                return true;
            case Tag.Param or Tag.Source or Tag.Track or Tag.Menuitem:
                InsertVoid();
                return true;
            case Tag.Hr:
                CloseParagraphInButtonScope();
                InsertVoid();
                return true;
            case Tag.Textarea or Tag.Iframe or Tag.Noembed:
                Insert();
                StartRawText(tag);
                _dropNewline = tag == Tag.Textarea;
                return true;
            case Tag.Xmp:
                CloseParagraphInButtonScope();
                ReconstructFormatting();
                Insert();
                StartRawText(tag);
                return true;
            case Tag.Optgroup or Tag.Option:
                if (Current.Name == (int)Tag.Option)
                {
                    AnyOtherEndTag((int)Tag.Option);
                }

                ReconstructFormatting();
                Insert();
                return true;
            case Tag.Rb or Tag.Rtc or Tag.Rp or Tag.Rt:
                if (InScope((int)Tag.Ruby))
                {
                    GenerateImpliedEndTags(tag is Tag.Rp or Tag.Rt ? (int)Tag.Rtc : -1);
                }

                Insert();
                return true;
            case Tag.Math or Tag.Svg:
                ReconstructFormatting();
                InsertForeign(tag == Tag.Svg ? Ns.Svg : Ns.MathMl);
                return true;
            case Tag.Caption or Tag.Col or Tag.Colgroup or Tag.Frame or Tag.Head or Tag.Tbody or Tag.Td or Tag.Tfoot
                or Tag.Th or Tag.Thead or Tag.Tr:
                return true;
            default:
                // Other elements, select and noscript among them.
                ReconstructFormatting();
                Insert();
                return true;
        }
    }

    private bool InBodyEnd()
    {
        var name = _scanner.Name;
        var tag = NameTable.TagOf(name);
        switch (tag)
        {
            case Tag.Body or Tag.Html or Tag.Template:
                return true;
            case Tag.Address or Tag.Article or Tag.Aside or Tag.Blockquote or Tag.Button or Tag.Center or Tag.Details
                or Tag.Dialog or Tag.Dir or Tag.Div or Tag.Dl or Tag.Fieldset or Tag.Figcaption or Tag.Figure or Tag.Footer
                or Tag.Header or Tag.Hgroup or Tag.Listing or Tag.Main or Tag.Menu or Tag.Nav or Tag.Ol or Tag.Pre
                or Tag.Section or Tag.Summary or Tag.Ul or Tag.Applet or Tag.Marquee or Tag.Object or Tag.Dd or Tag.Dt:
                if (InScope(name))
                {
                    GenerateImpliedEndTags(tag is Tag.Dd or Tag.Dt ? name : -1);
                    PopUntilName(name);
                    if (tag is Tag.Applet or Tag.Marquee or Tag.Object)
                    {
                        ClearFormattingToMarker();
                    }
                }

                return true;
            case Tag.A or Tag.B or Tag.Big or Tag.Code or Tag.Em or Tag.Font or Tag.I or Tag.Nobr or Tag.S or Tag.Small
                or Tag.Strike or Tag.Strong or Tag.Tt or Tag.U:
                FormattingEndTag(name);
                return true;
            case Tag.Form:
                var form = _form;
                _form = NoForm;
                if (form >= 0 && InScope(name))
                {
                    GenerateImpliedEndTags();
                    RemoveElement(form);
                }

                return true;
            case Tag.P:
                if (!InButtonScopeP())
                {
                    LeaveForeignContent();
                    Insert();
                }

                CloseParagraph();
                return true;
            case Tag.Li:
                if (InScope(name, TagFlags.ListScope))
                {
                    GenerateImpliedEndTags(name);
                    PopUntilName(name);
                }

                return true;
            case Tag.H1 or Tag.H2 or Tag.H3 or Tag.H4 or Tag.H5 or Tag.H6:
                var heading = _top[Chain(TagFlags.Heading)];
                if (heading >= 0 && heading >= _top[Chain(TagFlags.Scope)])
                {
                    GenerateImpliedEndTags();
                    PopUntil(_top[Chain(TagFlags.Heading)]);
                }

                return true;
            case Tag.Br:
                // </br> is read as <br>.
                LeaveForeignContent();
                ReconstructFormatting();
                InsertVoid();
                return true;
            default:
                AnyOtherEndTag(name);
                return true;
        }
    }

    /// <summary>
    /// "Any other end tag": closes the innermost open element of that name, unless a special element (a block, a
    /// cell, a table ...) is open inside it, in which case the tag is ignored. Formatting end tags take this path too.
    /// </summary>
    private void AnyOtherEndTag(int name)
    {
        var index = TopByName(name);
        if (index >= 0 && index >= _top[Chain(TagFlags.Special)])
        {
            GenerateImpliedEndTags(name);
            PopUntil(index);
        }
    }

    // ---- formatting elements ------------------------------------------------------------------------------------

    /// <summary>
    /// A formatting end tag: the adoption agency algorithm, for the stack of open elements and the list of formatting
    /// elements. Where blocks are open inside the formatting element, the spec moves them out of it in the document;
    /// here the element, and the inline elements between it and the blocks, are taken off the stack (the blocks'
    /// earlier text stays where it was read: see the class remarks).
    /// </summary>
    private void FormattingEndTag(int name)
    {
        if (Current.Name == name && Current.Ns == Ns.Html && FindFormattingOf(CurrentIndex) < 0)
        {
            Pop();
            return;
        }

        var found = FindFormatting(name);
        if (found < 0)
        {
            AnyOtherEndTag(name);
            return;
        }

        var entry = _formatting[found];
        if (!IsOpen(entry))
        {
            _formatting.RemoveAt(found);
            return;
        }

        if (!InScope(name))
        {
            return;
        }

        var special = Chain(TagFlags.Special);
        if (entry.StackIndex >= _top[special])
        {
            PopUntil(entry.StackIndex);
            _formatting.RemoveAt(found);
            return;
        }

        // Blocks open inside it (the algorithm takes up to eight of them, one per round): past eight the element
        // stays open, re-created above the eighth.
        var blocks = 0;
        for (var b = _top[special]; b > entry.StackIndex && blocks <= 8; b = _prev[(b * ChainCount) + special])
        {
            blocks++;
        }

        if (blocks >= 8)
        {
            return;
        }

        // Round by round each block leaves the elements between it and the one before: formatting elements stay (as
        // copies), others close; after the last round everything open inside the last block closes with the copy.
        var last = _top[special];
        PopUntil(last + 1);
        var visited = 0;
        for (var i = last - 1; i >= entry.StackIndex; i--)
        {
            if (i == entry.StackIndex)
            {
                RemoveFromStack(i);
                break;
            }

            if (_stack[i].Dead)
            {
                continue;
            }

            if ((_stack[i].Flags & TagFlags.Special) != 0)
            {
                visited = 0;
                continue;
            }

            var listed = FindFormattingOf(i);
            if (++visited > 3 && listed >= 0)
            {
                _formatting.RemoveAt(listed);
                listed = -1;
            }

            if (listed < 0)
            {
                RemoveFromStack(i);
            }
        }

        RemoveFormattingEntry(entry.Serial);
    }

    /// <summary>Remembers a formatting element just opened; a fourth with the same tag and attributes drops the earliest.</summary>
    private void AddFormatting(int index)
    {
        var same = 0;
        var sinceMarker = 0;
        for (var i = _formatting.Count - 1; i >= 0 && !_formatting[i].IsMarker; i--)
        {
            sinceMarker++;
            if (_formatting[i].Name == _stack[index].Name && _formatting[i].Attributes == _scanner.Attributes && ++same == 3)
            {
                _formatting.RemoveAt(i);
                sinceMarker--;
                break;
            }
        }

        if (sinceMarker >= MaxFormatting)
        {
            _formatting.RemoveAt(_formatting.Count - sinceMarker);
        }

        _formatting.Add(new Formatting(_stack[index].Serial, index, _stack[index].Name, _scanner.Attributes));
    }

    /// <summary>
    /// Reopens the formatting elements a block end cut off, innermost last, before text or an inline element is
    /// inserted: &lt;p&gt;&lt;b&gt;x&lt;/p&gt;y puts y in a new b.
    /// </summary>
    private void ReconstructFormatting()
    {
        if (_formatting.Count == 0 || _formatting[^1].IsMarker || IsOpen(_formatting[^1]))
        {
            return;
        }

        var i = _formatting.Count - 1;
        while (i > 0)
        {
            i--;
            if (_formatting[i].IsMarker || IsOpen(_formatting[i]))
            {
                i++;
                break;
            }
        }

        for (; i < _formatting.Count; i++)
        {
            var entry = _formatting[i];
            var index = InsertElement(entry.Name, Ns.Html, known: true, null, null);
            _formatting[i] = entry with { Serial = _stack[index].Serial, StackIndex = index };
        }
    }

    private void ClearFormattingToMarker()
    {
        while (_formatting.Count > 0)
        {
            var last = _formatting[^1];
            _formatting.RemoveAt(_formatting.Count - 1);
            if (last.IsMarker)
            {
                return;
            }
        }
    }

    private int FindFormatting(int name)
    {
        for (var i = _formatting.Count - 1; i >= 0 && !_formatting[i].IsMarker; i--)
        {
            if (_formatting[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    // Only since the last marker: what is open inside a cell (or caption, object) was opened after its marker, and a
    // page of nested tables leaves a marker per level, which a search past them would walk on every end tag.
    private int FindFormattingOf(int stackIndex)
    {
        for (var i = _formatting.Count - 1; i >= 0 && !_formatting[i].IsMarker; i--)
        {
            if (_formatting[i].StackIndex == stackIndex && IsOpen(_formatting[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private void RemoveFormattingEntry(int serial)
    {
        var i = _formatting.FindLastIndex(f => f.Serial == serial);
        if (i >= 0)
        {
            _formatting.RemoveAt(i);
        }
    }

    private bool IsOpen(Formatting entry) =>
        entry.StackIndex < _count && _stack[entry.StackIndex].Serial == entry.Serial && !_stack[entry.StackIndex].Dead;

    // ---- tables -----------------------------------------------------------------------------------------------

    private bool InTable(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind == TokenKind.StartTag)
        {
            switch (tag)
            {
                case Tag.Caption:
                    ClearStackBackTo((int)Tag.Table);
                    _formatting.Add(Formatting.Marker);
                    Insert();
                    return true;
                case Tag.Colgroup or Tag.Tbody or Tag.Tfoot or Tag.Thead:
                    ClearStackBackTo((int)Tag.Table);
                    Insert();
                    return true;
                case Tag.Col:
                    ClearStackBackTo((int)Tag.Table);
                    InsertImplied(Tag.Colgroup);
                    return false;
                case Tag.Td or Tag.Th or Tag.Tr:
                    ClearStackBackTo((int)Tag.Table);
                    InsertImplied(Tag.Tbody);
                    return false;
                case Tag.Table:
                    // A table cannot start here: it ends the open one, then starts.
                    return !EndTable();
                case Tag.Style or Tag.Script or Tag.Template:
                    HeadElement(tag);
                    return true;
                case Tag.Input:
                    return true;
                case Tag.Form:
                    if (_form == NoForm)
                    {
                        // A form in a table holds nothing: it is opened and closed at once, and later forms are ignored.
                        Insert();
                        Pop();
                        _form = FormClosed;
                    }

                    return true;
            }
        }
        else if (kind == TokenKind.EndTag)
        {
            switch (tag)
            {
                case Tag.Table:
                    EndTable();
                    return true;
                case Tag.Body or Tag.Caption or Tag.Col or Tag.Colgroup or Tag.Html or Tag.Tbody or Tag.Td or Tag.Tfoot
                    or Tag.Th or Tag.Thead or Tag.Tr or Tag.Template:
                    return true;
            }
        }
        else
        {
            return true;
        }

        // Anything else is read as in the body, but what it inserts moves out before the table.
        _foster = true;
        var done = InBody(kind);
        _foster = false;
        return done;
    }

    /// <summary>Closes the open table; false where there is none in table scope.</summary>
    private bool EndTable()
    {
        if (!InTableScope((int)Tag.Table))
        {
            return false;
        }

        ClearStackBackTo((int)Tag.Table);
        Pop();
        return true;
    }

    private bool InCaption(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind == TokenKind.EndTag)
        {
            switch (tag)
            {
                case Tag.Caption:
                    EndCaption();
                    return true;
                case Tag.Table:
                    return !EndCaption();
                case Tag.Tbody or Tag.Col or Tag.Tfoot or Tag.Td or Tag.Thead or Tag.Tr or Tag.Body or Tag.Th
                    or Tag.Colgroup or Tag.Html:
                    return true;
            }
        }
        else if (kind == TokenKind.StartTag && tag is Tag.Tbody or Tag.Col or Tag.Tfoot or Tag.Td or Tag.Thead
                     or Tag.Caption or Tag.Th or Tag.Colgroup or Tag.Tr)
        {
            return !EndCaption();
        }

        return InBody(kind);
    }

    private bool EndCaption()
    {
        if (!InTableScope((int)Tag.Caption))
        {
            return false;
        }

        GenerateImpliedEndTags();
        ClearStackBackTo((int)Tag.Caption);
        Pop();
        ClearFormattingToMarker();
        return true;
    }

    private bool InColumnGroup(TokenKind kind)
    {
        var tag = TokenTag;
        switch (kind)
        {
            case TokenKind.Comment or TokenKind.Doctype:
                return true;
            case TokenKind.StartTag when tag == Tag.Html:
                return true;
            case TokenKind.StartTag when tag == Tag.Col:
                InsertVoid();
                return true;
            case TokenKind.StartTag when tag == Tag.Template:
                HeadElement(tag);
                return true;
            case TokenKind.EndTag when tag == Tag.Colgroup:
                if (Current.Name == (int)Tag.Colgroup)
                {
                    Pop();
                }

                return true;
            case TokenKind.EndTag when tag is Tag.Col or Tag.Template:
                return true;
        }

        if (Current.Name != (int)Tag.Colgroup)
        {
            return true;
        }

        Pop();
        return false;
    }

    private bool InTableBody(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind == TokenKind.StartTag)
        {
            switch (tag)
            {
                case Tag.Tr:
                    ClearStackBackToSection();
                    Insert();
                    return true;
                case Tag.Th or Tag.Td:
                    ClearStackBackToSection();
                    InsertImplied(Tag.Tr);
                    return false;
                case Tag.Caption or Tag.Col or Tag.Colgroup or Tag.Tbody or Tag.Tfoot or Tag.Thead:
                    return !EndSection();
            }
        }
        else if (kind == TokenKind.EndTag)
        {
            switch (tag)
            {
                case Tag.Tbody or Tag.Tfoot or Tag.Thead:
                    if (InTableScope(_scanner.Name))
                    {
                        ClearStackBackToSection();
                        Pop();
                    }

                    return true;
                case Tag.Table:
                    return !EndSection();
                case Tag.Body or Tag.Caption or Tag.Col or Tag.Colgroup or Tag.Html or Tag.Td or Tag.Th or Tag.Tr:
                    return true;
            }
        }

        return InTable(kind);
    }

    /// <summary>Closes the open tbody, thead or tfoot; false where there is none in table scope.</summary>
    private bool EndSection()
    {
        var section = _top[Chain(TagFlags.Section)];
        if (section < 0 || section < _top[Chain(TagFlags.TableElement)])
        {
            return false;
        }

        ClearStackBackToSection();
        Pop();
        return true;
    }

    private bool InRow(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind == TokenKind.StartTag)
        {
            switch (tag)
            {
                case Tag.Th or Tag.Td:
                    ClearStackBackTo((int)Tag.Tr);
                    Insert();
                    _formatting.Add(Formatting.Marker);
                    return true;
                case Tag.Caption or Tag.Col or Tag.Colgroup or Tag.Tbody or Tag.Tfoot or Tag.Thead or Tag.Tr:
                    return !EndRow();
            }
        }
        else if (kind == TokenKind.EndTag)
        {
            switch (tag)
            {
                case Tag.Tr:
                    EndRow();
                    return true;
                case Tag.Table:
                    return !EndRow();
                case Tag.Tbody or Tag.Tfoot or Tag.Thead:
                    if (!InTableScope(_scanner.Name))
                    {
                        return true;
                    }

                    EndRow();
                    return false;
                case Tag.Body or Tag.Caption or Tag.Col or Tag.Colgroup or Tag.Html or Tag.Td or Tag.Th:
                    return true;
            }
        }

        return InTable(kind);
    }

    /// <summary>Closes the open row; false where there is none in table scope.</summary>
    private bool EndRow()
    {
        if (!InTableScope((int)Tag.Tr))
        {
            return false;
        }

        ClearStackBackTo((int)Tag.Tr);
        Pop();
        return true;
    }

    private bool InCell(TokenKind kind)
    {
        var tag = TokenTag;
        if (kind == TokenKind.EndTag)
        {
            switch (tag)
            {
                case Tag.Td or Tag.Th:
                    // Either cell's end tag closes the open cell.
                    CloseCell();
                    return true;
                case Tag.Tr or Tag.Table or Tag.Tbody or Tag.Tfoot or Tag.Thead:
                    if (!InTableScope(_scanner.Name))
                    {
                        return true;
                    }

                    CloseCell();
                    return false;
                case Tag.Body or Tag.Caption or Tag.Col or Tag.Colgroup or Tag.Html:
                    return true;
            }
        }
        else if (kind == TokenKind.StartTag && tag is Tag.Tr or Tag.Td or Tag.Th or Tag.Caption or Tag.Colgroup
                     or Tag.Col or Tag.Tbody or Tag.Tfoot or Tag.Thead)
        {
            var cell = _top[Chain(TagFlags.Cell)];
            if (cell < 0 || cell < _top[Chain(TagFlags.TableElement)])
            {
                return true;
            }

            CloseCell();
            return false;
        }

        return InBody(kind);
    }

    private void CloseCell()
    {
        GenerateImpliedEndTags();
        while (_count > 2 && Current.Name is not ((int)Tag.Td or (int)Tag.Th))
        {
            Pop();
        }

        Pop();
        ClearFormattingToMarker();
    }

    // AngleSharp 1.10 parses select content half-way to the new "customizable select": other elements than options
    // are kept (as unknown elements) where an option or such is open, and only option and optgroup let </select> through.
    private bool InSelect(TokenKind kind)
    {
        var tag = TokenTag;
        var name = _scanner.Name;
        if (kind == TokenKind.StartTag)
        {
            switch (tag)
            {
                case Tag.Html:
                    return true;
                case Tag.Option:
                    if (Current.Name == (int)Tag.Option)
                    {
                        Pop();
                    }

                    Insert();
                    return true;
                case Tag.Optgroup:
                    if (Current.Name == (int)Tag.Option)
                    {
                        Pop();
                    }

                    if (Current.Name == (int)Tag.Optgroup)
                    {
                        Pop();
                    }

                    Insert();
                    return true;
                case Tag.Button:
                    Insert();
                    return true;
                case Tag.Select:
                    EndSelect();
                    return true;
                case Tag.Input or Tag.Keygen or Tag.Textarea:
                    if (!InSelectScope())
                    {
                        return true;
                    }

                    EndSelect();
                    return false;
                case Tag.Script or Tag.Template:
                    HeadElement(tag);
                    return true;
                case Tag.Xmp:
                    return InBody(kind);
            }

            if (Current.Name != (int)Tag.Select)
            {
                InsertElement(name, Ns.Html, known: false, null, null);
            }

            return true;
        }

        if (kind == TokenKind.EndTag)
        {
            switch (tag)
            {
                case Tag.Template:
                    return true;
                case Tag.Optgroup:
                    if (Current.Name == (int)Tag.Option && _count >= 2 && _stack[_count - 2].Name == (int)Tag.Optgroup)
                    {
                        Pop();
                    }

                    if (Current.Name == (int)Tag.Optgroup)
                    {
                        Pop();
                    }

                    return true;
                case Tag.Option:
                    if (Current.Name == (int)Tag.Option)
                    {
                        Pop();
                    }

                    return true;
                case Tag.Select:
                    if (InSelectScope())
                    {
                        EndSelect();
                    }

                    return true;
            }

            if (Current.Name != (int)Tag.Select && Current.Name == name)
            {
                Pop();
            }
        }

        return true;
    }

    private bool InSelectInTable(TokenKind kind)
    {
        var tag = TokenTag;
        if (tag is Tag.Caption or Tag.Table or Tag.Tbody or Tag.Tfoot or Tag.Thead or Tag.Tr or Tag.Td or Tag.Th)
        {
            if (kind == TokenKind.StartTag)
            {
                EndSelect();
                return false;
            }

            if (kind == TokenKind.EndTag)
            {
                if (!InTableScope(_scanner.Name))
                {
                    return true;
                }

                EndSelect();
                return false;
            }
        }

        return InSelect(kind);
    }

    private void EndSelect()
    {
        ClearStackBackTo((int)Tag.Select);
        Pop();
    }

    // Select scope: only options and optgroups may be open inside the select.
    private bool InSelectScope() => TopByName((int)Tag.Select) is >= 0 and var select && select >= _top[Chain(TagFlags.SelectScope)];

    // ---- foreign content --------------------------------------------------------------------------------------

    private bool HtmlRulesApply(TokenKind kind)
    {
        ref var current = ref Current;
        if (current.Ns == Ns.MathMl)
        {
            if (current.Name is (int)Tag.Mi or (int)Tag.Mo or (int)Tag.Mn or (int)Tag.Ms or (int)Tag.Mtext)
            {
                return kind == TokenKind.Text
                    || (kind == TokenKind.StartTag && _scanner.Name is not ((int)Tag.Mglyph or (int)Tag.Malignmark));
            }

            return current.Name == (int)Tag.AnnotationXml && kind == TokenKind.StartTag && _scanner.Name == (int)Tag.Svg;
        }

        return kind is TokenKind.StartTag or TokenKind.Text && IsHtmlIntegrationPoint(in current);
    }

    private bool ForeignContent(TokenKind kind)
    {
        if (kind == TokenKind.StartTag)
        {
            var tag = TokenTag;
            if ((NameTable.FlagsOf(tag) & TagFlags.BreaksOutOfForeign) != 0 || (tag == Tag.Font && _scanner.FontAttributes))
            {
                // HTML that cannot be inside SVG or MathML ends it.
                LeaveForeignContent();
                return DispatchHtml(kind);
            }

            InsertForeign(Current.Ns);
            return true;
        }

        if (kind == TokenKind.EndTag)
        {
            // The innermost foreign element of that name closes, if no HTML element is open inside it.
            var index = TopByName(_scanner.Name);
            if (index >= 0 && index > _top[Chain(TagFlags.Html)])
            {
                PopUntil(index);
                return true;
            }

            return DispatchHtml(kind);
        }

        return true;
    }

    /// <summary>
    /// Before an element the rules insert for an end tag (a p for &lt;/p&gt;, a br for &lt;/br&gt;): as for a start
    /// tag of it, SVG or MathML open around the current node ends.
    /// </summary>
    private void LeaveForeignContent()
    {
        while (_count > 2 && Current.Ns != Ns.Html && !IsHtmlIntegrationPoint(in Current) && !IsMathTextPoint(in Current))
        {
            Pop();
        }
    }

    private static bool IsHtmlIntegrationPoint(in Entry e) =>
        e.Ns == Ns.Svg && e.Name is (int)Tag.ForeignObject or (int)Tag.Desc or (int)Tag.Title;

    private static bool IsMathTextPoint(in Entry e) =>
        e.Ns == Ns.MathMl && e.Name is (int)Tag.Mi or (int)Tag.Mo or (int)Tag.Mn or (int)Tag.Ms or (int)Tag.Mtext;

    // ---- helpers of the rules -----------------------------------------------------------------------------------

    private Mode CurrentMode()
    {
        var top = _top[Chain(TagFlags.Mode)];
        if (top < 0)
        {
            return Mode.InBody;
        }

        return _stack[top].Tag switch
        {
            Tag.Table => Mode.InTable,
            Tag.Tbody or Tag.Thead or Tag.Tfoot => Mode.InTableBody,
            Tag.Tr => Mode.InRow,
            Tag.Td or Tag.Th => Mode.InCell,
            Tag.Caption => Mode.InCaption,
            Tag.Colgroup => Mode.InColumnGroup,
            Tag.Select => InnermostTable() is >= 0 and var t && t < top ? Mode.InSelectInTable : Mode.InSelect,
            _ => Mode.InBody,
        };
    }

    // The rules test these by name, whatever the element.
    private static bool IsTableContext(in Entry e) =>
        e.Name is (int)Tag.Table or (int)Tag.Tbody or (int)Tag.Tfoot or (int)Tag.Thead or (int)Tag.Tr;

    private int InnermostTable() => _top[Chain(TagFlags.TableElement)];

    private int TopByName(int name) => name < _topByName.Length ? _topByName[name] : -1;

    private static int Chain(TagFlags flag) => BitOperations.TrailingZeroCount((uint)flag);

    /// <summary>Whether an element of that name is open with no scope boundary inside it.</summary>
    private bool InScope(int name, TagFlags extraBoundary = TagFlags.None)
    {
        var index = TopByName(name);
        if (index < 0)
        {
            return false;
        }

        var boundary = _top[Chain(TagFlags.Scope)];
        if (extraBoundary != TagFlags.None)
        {
            boundary = Math.Max(boundary, _top[Chain(extraBoundary)]);
        }

        return index >= boundary;
    }

    private bool InButtonScopeP() => InScope((int)Tag.P, TagFlags.ButtonScope);

    /// <summary>Table scope: only html, table and template bound it.</summary>
    private bool InTableScope(int name)
    {
        var index = TopByName(name);
        return index >= 0 && index >= InnermostTable();
    }

    private void CloseParagraphInButtonScope()
    {
        if (InButtonScopeP())
        {
            CloseParagraph();
        }
    }

    private void CloseParagraph()
    {
        GenerateImpliedEndTags((int)Tag.P);
        PopUntilName((int)Tag.P);
    }

    /// <summary>A new li (or dd/dt) closes the open one, unless a special element other than address, div or p is open inside it.</summary>
    private void CloseListItem(bool isLi)
    {
        var index = isLi ? TopByName((int)Tag.Li) : Math.Max(TopByName((int)Tag.Dd), TopByName((int)Tag.Dt));
        if (index >= 0 && index >= _top[Chain(TagFlags.SpecialNotAdp)])
        {
            var name = _stack[index].Name;
            if (InScope(name, isLi ? TagFlags.ListScope : TagFlags.None))
            {
                GenerateImpliedEndTags(name);
                PopUntilName(name);
            }
        }
    }

    private void GenerateImpliedEndTags(int exceptName = -1)
    {
        while (_count > 2 && (Current.Flags & TagFlags.Implied) != 0 && Current.Name != exceptName)
        {
            Pop();
        }
    }

    /// <summary>Pops until the current node is named <paramref name="name"/> (or is the body).</summary>
    private void ClearStackBackTo(int name)
    {
        while (_count > 2 && Current.Name != name)
        {
            Pop();
        }
    }

    private void ClearStackBackToSection()
    {
        while (_count > 2 && Current.Name is not ((int)Tag.Tbody or (int)Tag.Thead or (int)Tag.Tfoot))
        {
            Pop();
        }
    }

    // ---- the stack of open elements -------------------------------------------------------------------------------

    private static RawState RawStateOf(Tag tag) => tag switch
    {
        Tag.Title or Tag.Textarea => RawState.RcData,
        Tag.Style or Tag.Xmp or Tag.Iframe or Tag.Noembed or Tag.Noframes => RawState.RawText,
        Tag.Script => RawState.ScriptData,
        Tag.Plaintext => RawState.PlainText,
        _ => RawState.None,
    };

    private void StartRawText(Tag tag)
    {
        _scanner.SwitchTo(RawStateOf(tag), _scanner.Name);
        _textMode = true;
    }

    /// <summary>Inserts an HTML element for the current start tag; returns its index.</summary>
    private int Insert() => InsertElement(_scanner.Name, Ns.Html, known: true, _scanner.RowSpan, _scanner.ColSpan);

    private void InsertImplied(Tag tag) => InsertElement((int)tag, Ns.Html, known: true, null, null);

    private void InsertVoid()
    {
        // </br> comes here too: its element is a br.
        InsertElement(_scanner.Name, Ns.Html, known: true, null, null);
        Pop();
    }

    private void InsertForeign(Ns ns)
    {
        InsertElement(_scanner.Name, ns, known: false, null, null);
        if (_scanner.SelfClosing)
        {
            Pop();
        }
    }

    private int InsertElement(int name, Ns ns, bool known, string? rowSpan, string? colSpan)
    {
        if (_count >= MaxOpenElements)
        {
            // So many elements open at once only happens to broken pages: the innermost ends, so memory stays bounded.
            Pop();
        }

        var fosterTable = _foster && IsTableContext(in Current) ? InnermostTable() : -1;
        var parent = CurrentIndex;
        var index = PushEntry(name, ns, known);
        _layout.Open(index, parent, fosterTable, name, _stack[index].Tag, rowSpan, colSpan);
        return index;
    }

    /// <summary>An element outside the body (html, head, what the head holds): kept for the rules, never read.</summary>
    private void PushOutside(int name) => _layout.OpenOutside(PushEntry(name, Ns.Html, known: true));

    private int PushEntry(int name, Ns ns, bool known)
    {
        if (_count == _stack.Length)
        {
            Array.Resize(ref _stack, _count * 2);
            Array.Resize(ref _prev, _count * 2 * ChainCount);
        }

        var tag = ns == Ns.Html && known ? NameTable.TagOf(name) : Tag.Other;
        var flags = ns != Ns.Html ? ForeignFlags(ns, name)
            : known ? NameTable.FlagsOf(tag) | TagFlags.Html
            : TagFlags.Html | TagFlags.SelectScope;
        var index = _count++;
        _stack[index] = new Entry { Serial = ++_serial, Name = name, Tag = tag, Ns = ns, Flags = flags };
        for (var bits = (uint)(flags & Chains); bits != 0; bits &= bits - 1)
        {
            var chain = BitOperations.TrailingZeroCount(bits);
            _prev[(index * ChainCount) + chain] = _top[chain];
            _top[chain] = index;
        }

        if (name >= _topByName.Length)
        {
            var old = _topByName.Length;
            Array.Resize(ref _topByName, Math.Max(Math.Max(_names.Count, name + 1), _topByName.Length * 2));
            Array.Fill(_topByName, -1, old, _topByName.Length - old);
        }

        _stack[index].PrevSameName = _topByName[name];
        _topByName[name] = index;
        return index;
    }

    private static TagFlags ForeignFlags(Ns ns, int name)
    {
        var integration = ns == Ns.MathMl
            ? name is (int)Tag.Mi or (int)Tag.Mo or (int)Tag.Mn or (int)Tag.Ms or (int)Tag.Mtext or (int)Tag.AnnotationXml
            : name is (int)Tag.ForeignObject or (int)Tag.Desc or (int)Tag.Title;
        var special = integration || (ns == Ns.Svg && name == (int)Tag.Style);
        return (integration ? TagFlags.Scope : 0) | (special ? TagFlags.Special | TagFlags.SpecialNotAdp : 0) | TagFlags.SelectScope;
    }

    /// <summary>Pops the current node; the body and html stay open until the end of the input.</summary>
    private void Pop()
    {
        if (_count > 2 || _phase != Phase.Body)
        {
            PopRaw();
        }
    }

    private void PopRaw()
    {
        var index = _count - 1;
        ref var e = ref _stack[index];
        if (!e.Dead)
        {
            Unlink(index, ref e);
        }

        _layout.Close(index);
        _count--;
        while (_count > 0 && _stack[_count - 1].Dead)
        {
            _layout.Close(_count - 1);
            _count--;
        }

        if (_form >= _count)
        {
            // The pointer outlives the element: later forms are ignored until a </form>.
            _form = FormClosed;
        }
    }

    private void PopUntil(int index)
    {
        while (_count > index && _count > 2)
        {
            Pop();
        }
    }

    private void PopUntilName(int name)
    {
        var index = TopByName(name);
        if (index >= 0)
        {
            PopUntil(index);
        }
    }

    private void Unlink(int index, ref Entry e)
    {
        for (var bits = (uint)(e.Flags & Chains); bits != 0; bits &= bits - 1)
        {
            var chain = BitOperations.TrailingZeroCount(bits);
            _top[chain] = _prev[(index * ChainCount) + chain];
        }

        _topByName[e.Name] = e.PrevSameName;
    }

    /// <summary>
    /// Closes the element at <paramref name="index"/> only: what is open inside it stays open (a form whose end tag
    /// comes before its content ends, an a that another a replaces).
    /// </summary>
    private void RemoveElement(int index)
    {
        if (index == CurrentIndex)
        {
            Pop();
        }
        else
        {
            RemoveFromStack(index);
        }
    }

    private void RemoveFromStack(int index)
    {
        ref var e = ref _stack[index];
        for (var bits = (uint)(e.Flags & Chains); bits != 0; bits &= bits - 1)
        {
            var chain = BitOperations.TrailingZeroCount(bits);
            if (_top[chain] == index)
            {
                _top[chain] = _prev[(index * ChainCount) + chain];
                continue;
            }

            // Each element is passed over once per form opened beneath it: linear overall.
            var above = _top[chain];
            while (_prev[(above * ChainCount) + chain] != index)
            {
                above = _prev[(above * ChainCount) + chain];
            }

            _prev[(above * ChainCount) + chain] = _prev[(index * ChainCount) + chain];
        }

        if (_topByName[e.Name] == index)
        {
            _topByName[e.Name] = e.PrevSameName;
        }
        else
        {
            var above = _topByName[e.Name];
            while (_stack[above].PrevSameName != index)
            {
                above = _stack[above].PrevSameName;
            }

            _stack[above].PrevSameName = e.PrevSameName;
        }

        e.Dead = true;
    }

    /// <summary>An entry of the list of active formatting elements: the element, or a marker (cells, captions, objects).</summary>
    private readonly record struct Formatting(int Serial, int StackIndex, int Name, string Attributes)
    {
        public static Formatting Marker { get; } = new(-1, -1, -1, string.Empty);

        public bool IsMarker => Serial < 0;
    }

    private struct Entry
    {
        /// <summary>Unique per element opened, so a stack slot can be told from the element that held it before.</summary>
        public int Serial;
        public int Name;
        public Tag Tag;
        public Ns Ns;
        public TagFlags Flags;
        public bool Dead;
        public int PrevSameName;
    }
}
