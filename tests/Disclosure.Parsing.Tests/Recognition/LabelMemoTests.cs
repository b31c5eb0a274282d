using Disclosure.Parsing.Recognition;

namespace Disclosure.Parsing.Tests.Recognition;

[TestFixture]
public sealed class LabelMemoTests
{
    [Test]
    public void ComputesEachLabelOnceAndKeepsNoMoreThanItsCapacity()
    {
        var calls = new Dictionary<string, int>();
        var memo = new LabelMemo<int>(label => { calls[label] = calls.GetValueOrDefault(label) + 1; return label.Length; }, capacity: 2);

        memo["总计"].Should().Be(2);
        memo["总计"].Should().Be(2);
        memo["其他"].Should().Be(2);
        memo["行政复议"].Should().Be(4);
        memo["行政复议"].Should().Be(4);

        calls["总计"].Should().Be(1, "a remembered label is looked up, not recomputed");
        calls["行政复议"].Should().Be(2, "past the capacity a label is computed every time and not kept");
    }
}
