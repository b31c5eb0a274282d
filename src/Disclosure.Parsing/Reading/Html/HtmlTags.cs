namespace Disclosure.Parsing.Reading.Html;

/// <summary>The tag names the tree-building rules name; every other name is <see cref="Other"/>.</summary>
internal enum Tag : byte
{
    Other,
    A, Address, AnnotationXml, Applet, Area, Article, Aside, B, Base, Basefont, Bgsound, Big, Blockquote, Body, Br,
    Button, Caption, Center, Code, Col, Colgroup, Dd, Desc, Details, Dialog, Dir, Div, Dl, Dt, Em, Embed, Fieldset,
    Figcaption, Figure, Font, Footer, ForeignObject, Form, Frame, Frameset, H1, H2, H3, H4, H5, H6, Head, Header,
    Hgroup, Hr, Html, I, Iframe, Image, Img, Input, Isindex, Keygen, Li, Link, Listing, Main, Malignmark, Marquee, Math,
    Menu, Menuitem, Meta, Mglyph, Mi, Mn, Mo, Ms, Mtext, Nav, Nobr, Noembed, Noframes, Noscript, Object, Ol, Optgroup,
    Option, Output, P, Param, Plaintext, Pre, Rb, Rp, Rt, Rtc, Ruby, S, Script, Section, Select, Small, Source, Span,
    Strike, Strong, Style, Sub, Summary, Sup, Svg, Table, Tbody, Td, Template, Textarea, Tfoot, Th, Thead, Time, Title,
    Tr, Track, Tt, U, Ul, Var, Wbr, Xmp,
}

/// <summary>Element categories of the HTML tree-construction rules, as bits.</summary>
[Flags]
internal enum TagFlags : uint
{
    None = 0,

    /// <summary>The "special" category (as AngleSharp 1.10 files its elements): end tags of others do not close past it.</summary>
    Special = 1 << 0,

    /// <summary>Bounds "has an element in scope".</summary>
    Scope = 1 << 1,

    /// <summary>Also bounds button scope.</summary>
    ButtonScope = 1 << 2,

    /// <summary>Also bounds list item scope.</summary>
    ListScope = 1 << 3,

    /// <summary>Decides the insertion mode when it is the innermost such element.</summary>
    Mode = 1 << 4,

    /// <summary>h1 to h6.</summary>
    Heading = 1 << 5,

    /// <summary>Special, but not address, div or p: stops the search for an open li, dd or dt.</summary>
    SpecialNotAdp = 1 << 6,

    /// <summary>An element in the HTML namespace (foreign content ends at the innermost one).</summary>
    Html = 1 << 7,

    /// <summary>tbody, thead, tfoot.</summary>
    Section = 1 << 8,

    /// <summary>td, th.</summary>
    Cell = 1 << 9,

    /// <summary>Popped by "generate implied end tags".</summary>
    Implied = 1 << 16,

    /// <summary>A start tag of it closes an open p in button scope.</summary>
    ClosesP = 1 << 18,

    /// <summary>Start tags that leave foreign (SVG/MathML) content.</summary>
    BreaksOutOfForeign = 1 << 19,

    /// <summary>Bounds select scope: everything but option and optgroup.</summary>
    SelectScope = 1 << 10,

    /// <summary>A table element (not an element that is merely named table, as inside a select).</summary>
    TableElement = 1 << 11,
}

/// <summary>
/// Tag names interned to small integers, so the parser compares and indexes names without allocating. Known names
/// (<see cref="Tag"/>) have ids equal to their enum value, from a table shared by all documents; other names get ids
/// as a document uses them.
/// </summary>
internal sealed class NameTable
{
    private const int KnownBuckets = 512;

    private static readonly string[] KnownNames = BuildKnownNames();
    private static readonly TagFlags[] KnownFlags = BuildKnownFlags();
    private static readonly int[] KnownBucket = new int[KnownBuckets];
    private static readonly int[] KnownChain = BuildKnownTable();

    // Names this document uses that are not known (o:p, ucapcontent ...), hashed the same way.
    private List<string>? _others;
    private List<int>? _otherChain;
    private int[] _otherBucket = [];

    public int Count => KnownNames.Length + (_others?.Count ?? 0);

    public string this[int id] => id < KnownNames.Length ? KnownNames[id] : _others![id - KnownNames.Length];

    public static TagFlags FlagsOf(Tag tag) => KnownFlags[(int)tag];

    public static Tag TagOf(int id) => id < KnownNames.Length ? (Tag)id : Tag.Other;

    /// <summary>The id of a name already lower-cased.</summary>
    public int Intern(ReadOnlySpan<char> lowerName)
    {
        var hash = Hash(lowerName);
        for (var i = KnownBucket[hash & (KnownBuckets - 1)]; i >= 0; i = KnownChain[i])
        {
            var known = KnownNames[i];
            if (known.Length == lowerName.Length && lowerName.SequenceEqual(known))
            {
                return i;
            }
        }

        if (_others is not null && _otherChain is not null)
        {
            for (var i = _otherBucket[hash & (_otherBucket.Length - 1)]; i >= 0; i = _otherChain[i])
            {
                if (lowerName.SequenceEqual(_others[i]))
                {
                    return KnownNames.Length + i;
                }
            }
        }

        return AddOther(lowerName.ToString());
    }

    private int AddOther(string name)
    {
        _others ??= [];
        _otherChain ??= [];
        _others.Add(name);
        _otherChain.Add(-1);
        if (_others.Count > _otherBucket.Length / 2)
        {
            // Grow and rehash: a page of endless distinct names stays linear.
            _otherBucket = new int[Math.Max(64, _otherBucket.Length * 2)];
            Array.Fill(_otherBucket, -1);
            for (var i = 0; i < _others.Count - 1; i++)
            {
                Link(i);
            }
        }

        Link(_others.Count - 1);
        return KnownNames.Length + _others.Count - 1;

        void Link(int i)
        {
            ref var bucket = ref _otherBucket[Hash(_others[i]) & (_otherBucket.Length - 1)];
            _otherChain[i] = bucket;
            bucket = i;
        }
    }

    private static int[] BuildKnownTable()
    {
        Array.Fill(KnownBucket, -1);
        var chain = new int[KnownNames.Length];
        for (var id = 0; id < KnownNames.Length; id++)
        {
            ref var bucket = ref KnownBucket[Hash(KnownNames[id]) & (KnownBuckets - 1)];
            chain[id] = bucket;
            bucket = id;
        }

        return chain;
    }

    private static int Hash(ReadOnlySpan<char> s)
    {
        var h = (uint)s.Length * 0x9E3779B1u;
        foreach (var c in s)
        {
            h = (h ^ c) * 0x01000193u;
        }

        return (int)(h ^ (h >> 15));
    }

    private static string[] BuildKnownNames()
    {
        var tags = Enum.GetValues<Tag>();
        var names = new string[tags.Length];
        foreach (var t in tags)
        {
            names[(int)t] = t switch
            {
                Tag.Other => "\0other",
                Tag.AnnotationXml => "annotation-xml",
                Tag.ForeignObject => "foreignobject",
                _ => t.ToString().ToLowerInvariant(),
            };
        }

        return names;
    }

    private static TagFlags[] BuildKnownFlags()
    {
        var flags = new TagFlags[Enum.GetValues<Tag>().Length];

        void Set(TagFlags f, params Tag[] tags)
        {
            foreach (var t in tags)
            {
                flags[(int)t] |= f;
            }
        }

        Set(TagFlags.Special,
            Tag.Address, Tag.Applet, Tag.Area, Tag.Article, Tag.Aside, Tag.Base, Tag.Basefont, Tag.Bgsound, Tag.Blockquote,
            Tag.Body, Tag.Br, Tag.Button, Tag.Caption, Tag.Center, Tag.Col, Tag.Colgroup, Tag.Dd, Tag.Details, Tag.Dir,
            Tag.Div, Tag.Dl, Tag.Dt, Tag.Embed, Tag.Fieldset, Tag.Figcaption, Tag.Figure, Tag.Footer, Tag.Form, Tag.Frame,
            Tag.Frameset, Tag.H1, Tag.H2, Tag.H3, Tag.H4, Tag.H5, Tag.H6, Tag.Head, Tag.Header, Tag.Hgroup, Tag.Hr,
            Tag.Html, Tag.Iframe, Tag.Img, Tag.Input, Tag.Keygen, Tag.Li, Tag.Link, Tag.Listing, Tag.Main, Tag.Marquee,
            Tag.Menu, Tag.Meta, Tag.Nav, Tag.Noembed, Tag.Noframes, Tag.Noscript, Tag.Object, Tag.Ol, Tag.P, Tag.Param,
            Tag.Plaintext, Tag.Pre, Tag.Script, Tag.Section, Tag.Select, Tag.Source, Tag.Style, Tag.Summary,
            Tag.Table, Tag.Tbody, Tag.Td, Tag.Template, Tag.Textarea, Tag.Tfoot, Tag.Th, Tag.Thead, Tag.Title, Tag.Tr,
            Tag.Track, Tag.Ul, Tag.Wbr, Tag.Xmp, Tag.Time, Tag.Output, Tag.Isindex, Tag.Menuitem);
        Set(TagFlags.Scope, Tag.Applet, Tag.Caption, Tag.Html, Tag.Table, Tag.Td, Tag.Th, Tag.Marquee, Tag.Object, Tag.Template);
        Set(TagFlags.ButtonScope, Tag.Button);
        Set(TagFlags.ListScope, Tag.Ol, Tag.Ul);
        Set(TagFlags.Mode, Tag.Body, Tag.Table, Tag.Tbody, Tag.Thead, Tag.Tfoot, Tag.Tr, Tag.Td, Tag.Th, Tag.Caption,
            Tag.Colgroup, Tag.Select, Tag.Frameset);
        Set(TagFlags.Heading, Tag.H1, Tag.H2, Tag.H3, Tag.H4, Tag.H5, Tag.H6);
        Set(TagFlags.Section, Tag.Tbody, Tag.Thead, Tag.Tfoot);
        Set(TagFlags.Cell, Tag.Td, Tag.Th);
        Set(TagFlags.TableElement, Tag.Table);
        Set(TagFlags.Implied, Tag.Dd, Tag.Dt, Tag.Li, Tag.Optgroup, Tag.Option, Tag.P, Tag.Rb, Tag.Rp, Tag.Rt, Tag.Rtc);
        Set(TagFlags.ClosesP, Tag.Address, Tag.Article, Tag.Aside, Tag.Blockquote, Tag.Center, Tag.Details, Tag.Dialog,
            Tag.Dir, Tag.Div, Tag.Dl, Tag.Fieldset, Tag.Figcaption, Tag.Figure, Tag.Footer, Tag.Header, Tag.Hgroup,
            Tag.Main, Tag.Menu, Tag.Nav, Tag.Ol, Tag.P, Tag.Section, Tag.Summary, Tag.Ul);
        Set(TagFlags.BreaksOutOfForeign, Tag.B, Tag.Big, Tag.Blockquote, Tag.Body, Tag.Br, Tag.Center, Tag.Code, Tag.Dd,
            Tag.Div, Tag.Dl, Tag.Dt, Tag.Em, Tag.Embed, Tag.H1, Tag.H2, Tag.H3, Tag.H4, Tag.H5, Tag.H6, Tag.Head, Tag.Hr,
            Tag.I, Tag.Img, Tag.Li, Tag.Listing, Tag.Menu, Tag.Meta, Tag.Nobr, Tag.Ol, Tag.P, Tag.Pre, Tag.Ruby, Tag.S,
            Tag.Small, Tag.Span, Tag.Strike, Tag.Strong, Tag.Sub, Tag.Sup, Tag.Table, Tag.Tt, Tag.U, Tag.Ul, Tag.Var);
        for (var i = 0; i < flags.Length; i++)
        {
            if ((flags[i] & TagFlags.Special) != 0 && (Tag)i is not (Tag.Address or Tag.Div or Tag.P))
            {
                flags[i] |= TagFlags.SpecialNotAdp;
            }

            if ((Tag)i is not (Tag.Option or Tag.Optgroup))
            {
                flags[i] |= TagFlags.SelectScope;
            }
        }

        return flags;
    }
}
